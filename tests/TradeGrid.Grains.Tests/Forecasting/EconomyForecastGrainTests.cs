using Orleans.Concurrency;
using TradeGrid.Data.Model;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Economy;
using TradeGrid.Grains.Abstractions.Forecasting;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Numerics.Forecasting;

namespace TradeGrid.Grains.Tests.Forecasting;

[Collection(ClusterCollection.Name)]
public sealed class EconomyForecastGrainTests(TwoSiloCluster cluster)
{
    private static readonly double[] Levels = [80, 95];

    private static ForecastSpec Spec(string indicator, string method = "ets", int horizon = 3) =>
        new(indicator, string.Empty, method, horizon, Levels, 0, 0, false, false);

    private async Task<IEconomyGrain> EconomyAsync(string code)
    {
        IEconomyGrain grain = cluster.Grains.Economy(code);
        await grain.Register(EconomyRecord.Bare(code));
        return grain;
    }

    private static Immutable<ObservationBatch> Batch(string indicator, IEnumerable<(int Year, double Value, Provenance Flag)> rows) =>
        new(ObservationBatch.From(rows.Select(r => new ObservationRow("", indicator, "", r.Year, r.Value, r.Flag, "test", 0)).ToList()));

    private static double Value(int year) => 50 + 3 * (year - 2000) + (year % 4) * 1.5;

    [Fact]
    public async Task The_grain_forecasts_its_observed_values_with_the_numerics_and_ignores_stored_forecasts()
    {
        IEconomyGrain economy = await EconomyAsync("FG01");
        await economy.Write(Batch("fg_x", Enumerable.Range(2000, 16).Select(y => (y, Value(y), Provenance.Reported))
            .Concat([(2016, 999.0, Provenance.Forecast), (2017, 1001.0, Provenance.Forecast)])));
        double[] observed = Enumerable.Range(2000, 16).Select(Value).ToArray();
        ForecastResult expected = Forecaster.Forecast(observed, ForecastMethod.Ets, 3, Levels);

        SeriesForecastRecord forecast = await cluster.Grains.EconomyForecast("FG01").Forecast(Spec("fg_x"));

        Assert.Equal(expected.Point, forecast.Point);
        Assert.Equal(expected.Model, forecast.Model);
        Assert.Equal(expected.Lower[1], forecast.Lower[1]);
        Assert.Equal((2000, 2015, 16), (forecast.FirstYear, forecast.OriginYear, forecast.Observations));
        Assert.Equal([2016, 2017, 2018], forecast.Years);
    }

    [Fact]
    public async Task The_cache_survives_writes_to_other_series_and_not_to_its_own()
    {
        IEconomyGrain economy = await EconomyAsync("FG02");
        await economy.Write(Batch("fg_a", Enumerable.Range(2000, 12).Select(y => (y, Value(y), Provenance.Reported))));
        IEconomyForecastGrain grain = cluster.Grains.EconomyForecast("FG02");

        SeriesForecastRecord first = await grain.Forecast(Spec("fg_a", "theta"));
        SeriesForecastRecord again = await grain.Forecast(Spec("fg_a", "theta"));
        await economy.Write(Batch("fg_other", [(2000, 1.0, Provenance.Reported)]));
        SeriesForecastRecord afterOther = await grain.Forecast(Spec("fg_a", "theta"));
        await economy.Write(Batch("fg_a", [(2012, Value(2012), Provenance.Reported)]));
        SeriesForecastRecord afterOwn = await grain.Forecast(Spec("fg_a", "theta"));

        Assert.Equal((false, true, true, false), (first.Cached, again.Cached, afterOther.Cached, afterOwn.Cached));
        Assert.Equal(first.Point, again.Point);
        Assert.Equal(2012, afterOwn.OriginYear);
        Assert.True(afterOwn.DataVersion > first.DataVersion);
    }

    [Fact]
    public async Task For_a_job_data_problems_are_skips_with_the_reason_and_no_series_is_no_data()
    {
        IEconomyGrain economy = await EconomyAsync("FG03");
        await economy.Write(Batch("fg_short", Enumerable.Range(2010, 4).Select(y => (y, Value(y), Provenance.Reported))));
        IEconomyForecastGrain grain = cluster.Grains.EconomyForecast("FG03");

        EconomyForecastOutcome shortSeries = await grain.ForecastOrSkip(Spec("fg_short"));
        EconomyForecastOutcome missing = await grain.ForecastOrSkip(Spec("fg_none"));
        var error = await Assert.ThrowsAsync<InsufficientDataException>(() => grain.Forecast(Spec("fg_short")).AsTask());

        Assert.Null(shortSeries.Forecast);
        Assert.True(shortSeries.HasData);
        Assert.Contains("ets needs at least 7 observations; the series has 4", shortSeries.Skipped);
        Assert.Equal(shortSeries.Skipped, error.Message);
        Assert.False(missing.HasData);
    }

    [Fact]
    public async Task Combination_and_auto_built_from_the_grains_component_forecasts_equal_the_single_process_ones()
    {
        IEconomyGrain economy = await EconomyAsync("FG04");
        await economy.Write(Batch("fg_c", Enumerable.Range(2000, 15).Select(y => (y, Value(y), Provenance.Reported))));
        double[] observed = Enumerable.Range(2000, 15).Select(Value).ToArray();
        IEconomyForecastGrain grain = cluster.Grains.EconomyForecast("FG04");
        // No holdout horizon or origins: auto is the weighted combination, as the gateway asks for it by default.
        ForecastSpec Plain(string method) => Spec("fg_c", method) with { HoldoutHorizon = 0, HoldoutOrigins = 0 };

        // ets and arima first, so that auto and combination take them from the grain; theta is fitted by combination.
        await grain.Forecast(Plain("ets"));
        await grain.Forecast(Plain("arima"));
        SeriesForecastRecord auto = await grain.Forecast(Plain("auto"));
        SeriesForecastRecord combination = await grain.Forecast(Plain("combination"));
        SeriesForecastRecord theta = await grain.Forecast(Plain("theta"));

        ForecastResult expectedAuto = Forecaster.Forecast(observed, ForecastMethod.Auto, 3, Levels);
        ForecastResult expectedCombination = Forecaster.Forecast(observed, ForecastMethod.Combination, 3, Levels);
        ForecastResult expectedTheta = Forecaster.Forecast(observed, ForecastMethod.Theta, 3, Levels);
        Assert.Equal(expectedAuto.Model, auto.Model);
        Assert.Equal(expectedAuto.Point, auto.Point);
        Assert.Equal(expectedAuto.Upper[1], auto.Upper[1]);
        Assert.Equal(expectedCombination.Model, combination.Model);
        Assert.Equal(expectedCombination.Point, combination.Point);
        Assert.Equal(expectedCombination.Lower[0], combination.Lower[0]);
        Assert.Equal(expectedTheta.Model, theta.Model);
        Assert.Equal(expectedTheta.Point, theta.Point);
    }

    [Fact]
    public async Task Methods_sharing_exponential_smoothing_fits_and_rolling_equal_the_single_process_ones()
    {
        IEconomyGrain economy = await EconomyAsync("FG05");
        await economy.Write(Batch("fg_s", Enumerable.Range(1990, 25).Select(y => (y, Value(y), Provenance.Reported))));
        double[] observed = Enumerable.Range(1990, 25).Select(Value).ToArray();
        IEconomyForecastGrain grain = cluster.Grains.EconomyForecast("FG05");
        ForecastSpec Plain(string method) => Spec("fg_s", method) with { HoldoutHorizon = 0, HoldoutOrigins = 0 };

        // ets fits the six models etsdamped chooses two from; ses fits the model theta starts from; rolling ends with
        // a candidate fitted through the same caches.
        SeriesForecastRecord ets = await grain.Forecast(Plain("ets"));
        SeriesForecastRecord etsDamped = await grain.Forecast(Plain("etsdamped"));
        SeriesForecastRecord ses = await grain.Forecast(Plain("ses"));
        SeriesForecastRecord theta = await grain.Forecast(Plain("theta"));
        SeriesForecastRecord rolling = await grain.Forecast(Plain("rolling"));

        foreach ((SeriesForecastRecord served, ForecastMethod method) in new[]
        {
            (ets, ForecastMethod.Ets), (etsDamped, ForecastMethod.EtsDamped), (ses, ForecastMethod.Ses), (theta, ForecastMethod.Theta), (rolling, ForecastMethod.Rolling),
        })
        {
            ForecastResult expected = Forecaster.Forecast(observed, method, 3, Levels);
            Assert.Equal(expected.Model, served.Model);
            Assert.Equal(expected.Point, served.Point);
            Assert.Equal(expected.Lower[0], served.Lower[0]);
        }
        HoldoutSelection selection = new RollingOriginForecaster().Select(observed, 3, Levels, null);
        Assert.Equal(selection.Scores.Select(c => c.Smape), rolling.Holdout.Select(c => c.Smape));
        Assert.Equal("smape", rolling.Criterion);
    }
}
