using System.Text.Json;
using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Forecasting;

public sealed class CombinationAndHoldoutTests
{
    // Each component matches R within 1e-4 (ETS, ARIMA, Theta tests); their mean inherits that bound.
    private const double CombinationTolerance = 1e-4;

    // sMAPE and MASE recomputed here by hand in the same order: only rounding differs.
    private const double MetricTolerance = 1e-12;

    public static IEnumerable<object[]> Series => RReference.Names("theta");

    [Theory]
    [MemberData(nameof(Series))]
    public void Combination_point_is_the_mean_of_rs_ets_arima_and_theta(string name)
    {
        JsonElement r = RReference.Get(name);
        double[] ets = r.GetProperty("ets").GetProperty("mean").Doubles();
        double[] arima = r.GetProperty("arima").GetProperty("mean").Doubles();
        double[] theta = r.GetProperty("theta").GetProperty("mean").Doubles();

        ForecastResult result = new CombinationForecaster().Forecast(r.Y(), r.H(), r.Levels());

        for (int j = 0; j < ets.Length; j++)
        {
            double expected = (ets[j] + arima[j] + theta[j]) / 3.0;
            double scale = Math.Max(Math.Abs(ets[j]) + Math.Abs(arima[j]) + Math.Abs(theta[j]), 1e-12) / 3.0;
            AssertClose.Absolute(expected / scale, result.Point[j] / scale, CombinationTolerance, $"{name} h={j + 1}");
        }
    }

    [Fact]
    public void Combination_bounds_are_the_mean_of_the_component_bounds()
    {
        double[] y = RReference.Get("pwt_rgdpna_ABW").Y();
        ForecastResult[] parts = [new EtsForecaster().Forecast(y, 4, [90]), new ArimaForecaster().Forecast(y, 4, [90]), new ThetaForecaster().Forecast(y, 4, [90])];

        ForecastResult result = new CombinationForecaster().Forecast(y, 4, [90]);

        for (int j = 0; j < 4; j++)
        {
            AssertClose.Relative(parts.Average(p => p.Lower[0][j]), result.Lower[0][j], MetricTolerance, $"lower h={j + 1}");
            AssertClose.Relative(parts.Average(p => p.Upper[0][j]), result.Upper[0][j], MetricTolerance, $"upper h={j + 1}");
        }
    }

    [Fact]
    public void Holdout_scores_every_candidate_and_picks_the_lowest_smape()
    {
        // A straight line: drift and the linear trend forecast it exactly, naive does not.
        double[] y = Enumerable.Range(0, 15).Select(t => 100.0 + 7.0 * t).ToArray();
        var selector = new HoldoutSelector([new NaiveForecaster(), new LinearTrendForecaster(), new DriftForecaster()], holdoutHorizon: 2, origins: 3);

        HoldoutSelection selection = selector.Select(y, 4, [80, 95]);

        Assert.Equal("linear", selection.Winner);
        Assert.Equal(3, selection.Scores.Length);
        Assert.All(selection.Scores, s => Assert.Equal(3, s.Origins));
        // Naive at origin k (train length 10 + k) misses by 7 and 14: sMAPE per origin by hand.
        double expectedNaive = Enumerable.Range(1, 3).Select(k =>
        {
            int n = 10 + k;
            double last = y[n - 1];
            return 100.0 * (7.0 / (y[n] + last) + 14.0 / (y[n + 1] + last));
        }).Average();
        AssertClose.Relative(expectedNaive, selection.Scores[0].Smape, MetricTolerance, "naive sMAPE");
        AssertClose.Relative(1.5, selection.Scores[0].Mase, MetricTolerance, "naive MASE (errors 7 and 14 over a naive MAE of 7)");
        Assert.Equal(new[] { 205.0, 212.0, 219.0, 226.0 }, selection.Forecast.Point.Select(v => Math.Round(v, 9)).ToArray());
    }

    [Fact]
    public void Holdout_reports_candidates_too_short_at_the_first_origin()
    {
        double[] y = RReference.Get("syn_trend_8").Y();
        var selector = new HoldoutSelector([new EtsForecaster(), new DriftForecaster()], holdoutHorizon: 2, origins: 2);

        HoldoutSelection selection = selector.Select(y, 3, [80]);

        Assert.Equal("drift", selection.Winner);
        Assert.NotNull(selection.Scores[0].Failure);
        Assert.Contains("at least 7", selection.Scores[0].Failure, StringComparison.Ordinal);
        Assert.True(double.IsNaN(selection.Scores[0].Smape));
    }

    [Fact]
    public void Holdout_spec_is_validated_with_the_valid_range()
    {
        var ex = Assert.Throws<InvalidSpecException>(() => new HoldoutSelector(origins: 0));

        Assert.Contains("at least 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_holdout_scores_all_seven_candidates_on_a_14_year_series()
    {
        double[] y = RReference.Get("unctad_exp_ABW").Y();

        HoldoutSelection selection = new HoldoutSelector(holdoutHorizon: 2, origins: 2).Select(y, 6, [80, 95]);

        Assert.Equal(["naive", "drift", "ets", "arima", "theta", "combination", "ets+arima"], selection.Scores.Select(s => s.Method).ToArray());
        Assert.All(selection.Scores, s => Assert.Null(s.Failure));
        double best = selection.Scores.Min(s => s.Smape);
        Assert.Equal(best, selection.Scores.Single(s => s.Method == selection.Winner).Smape);
        Assert.Equal(selection.Winner, selection.Forecast.Method);
    }
}
