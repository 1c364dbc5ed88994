using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;
using TradeGrid.Numerics.Forecasting;

namespace TradeGrid.Api.Tests.Forecasting;

/// <summary>ForecastService.Forecast end to end: the served forecast is the Numerics' on the values GetSeries returns.</summary>
[Collection(OwnServerCollection.Name)]
public sealed class ForecastTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private ForecastService.ForecastServiceClient Forecasts => new(server.Channel);
    private DataService.DataServiceClient Data => new(server.Channel);

    private async Task<(int[] Years, double[] Values)> SeriesAsync(string economy, string indicator, int from = 0, int to = 0)
    {
        GetSeriesResponse response = await Data.GetSeriesAsync(new GetSeriesRequest { Economy = economy, Indicator = indicator, From = from, To = to });
        return (response.Series.Observations.Select(o => o.Year).ToArray(), response.Series.Observations.Select(o => o.Value).ToArray());
    }

    // Exact equality: the grain runs the same deterministic function on the same doubles, and doubles cross
    // Orleans and protobuf bit for bit. Any difference would mean the grain fitted other values.
    private static void AssertSame(ForecastResult expected, SeriesForecast served, int originYear)
    {
        Assert.Equal(expected.Method, served.Method);
        Assert.Equal(expected.Model, served.Model);
        Assert.Equal(originYear, served.OriginYear);
        Assert.Equal(Enumerable.Range(originYear + 1, expected.Point.Length), served.Points.Select(p => p.Year));
        Assert.Equal(expected.Point, served.Points.Select(p => p.Value));
        Assert.Equal(expected.Levels, served.Levels);
        for (int l = 0; l < expected.Levels.Length; l++)
        {
            Assert.Equal(expected.Lower[l], served.Points.Select(p => p.Intervals[l].Lower));
            Assert.Equal(expected.Upper[l], served.Points.Select(p => p.Intervals[l].Upper));
            Assert.All(served.Points, p => Assert.Equal(expected.Levels[l], p.Intervals[l].Level));
        }
        Assert.Equal(expected.Parameters, served.Parameters.Select(p => p.Value));
        Assert.Equal(expected.Observations, served.Observations);
    }

    [Theory]
    [InlineData("naive")]
    [InlineData("drift")]
    [InlineData("cagr")]
    [InlineData("ets")]
    [InlineData("arima")]
    [InlineData("theta")]
    [InlineData("combination")]
    [InlineData("ses")]
    [InlineData("holt")]
    [InlineData("holtdamped")]
    [InlineData("spline")]
    [InlineData("splinemle")]
    [InlineData("ces")]
    [InlineData("scumces")]
    [InlineData("etsdamped")]
    [InlineData("dotm")]
    [InlineData("scum")]
    [InlineData("etsarima")]
    [InlineData("etsarimadrift")]
    [InlineData("trimmed")]
    [InlineData("rolling")]
    public async Task One_series_forecast_equals_the_numerics_on_the_served_values(string method)
    {
        (int[] years, double[] y) = await SeriesAsync("USA", "rgdpna");
        ForecastResult expected = Forecaster.Forecast(y, Forecaster.Parse(method), 6);

        ForecastResponse response = await Forecasts.ForecastAsync(new ForecastRequest { Economy = "usa", Indicator = "rgdpna", Method = method, Horizon = 6 });

        AssertSame(expected, response.Forecast, years[^1]);
        Assert.Equal("USA", response.Forecast.Economy);
        Assert.Equal(years[0], response.Forecast.FirstYear);
    }

    [Fact]
    public async Task Auto_is_the_default_and_is_the_mean_of_ets_and_arima()
    {
        (int[] years, double[] y) = await SeriesAsync("CHN", "rgdpna", 1970, 2011);
        ForecastResult expected = Forecaster.Forecast(y, ForecastMethod.Auto, 6, [80, 95]);

        ForecastResponse response = await Forecasts.ForecastAsync(new ForecastRequest
        {
            Economy = "CHN", Indicator = "rgdpna", Horizon = 6, TrainStart = 1970, TrainEnd = 2011,
        });

        AssertSame(expected, response.Forecast, 2011);
        Assert.Equal(1970, response.Forecast.FirstYear);
        Assert.Equal(years.Length, response.Forecast.Observations);
        Assert.Equal("auto", response.Forecast.Method);
        Assert.Empty(response.Forecast.Holdout);
    }

    [Fact]
    public async Task The_request_sets_the_holdout_horizon_and_origins()
    {
        (_, double[] y) = await SeriesAsync("BRA", "rgdpna", 1970, 2011);
        HoldoutSelection expected = new HoldoutSelector(holdoutHorizon: 6, origins: 2).Select(y, 6, [80, 95]);

        SeriesForecast served = (await Forecasts.ForecastAsync(new ForecastRequest
        {
            Economy = "BRA", Indicator = "rgdpna", Method = "auto", Horizon = 6, TrainStart = 1970, TrainEnd = 2011, HoldoutHorizon = 6, HoldoutOrigins = 2,
        })).Forecast;
        var error = await Assert.ThrowsAsync<RpcException>(() => Forecasts.ForecastAsync(new ForecastRequest
        {
            Economy = "BRA", Indicator = "rgdpna", Horizon = 6, HoldoutOrigins = 21,
        }).ResponseAsync);

        Assert.Equal(expected.Winner, served.Method);
        Assert.Equal(expected.Forecast.Point, served.Points.Select(p => p.Value));
        Assert.Equal(expected.Scores.Select(s => s.Smape), served.Holdout.Select(s => s.Smape));
        Assert.All(served.Holdout.Where(s => s.Failure.Length == 0), s => Assert.Equal(2, s.Origins));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("holdout_origins: must be in [1, 20]", error.Status.Detail);
    }

    [Fact]
    public async Task Log_scale_and_custom_levels_match_the_numerics()
    {
        (int[] years, double[] y) = await SeriesAsync("JPN", "pop");
        ForecastResult expected = Forecaster.Forecast(y, ForecastMethod.Ets, 4, [50, 90, 99], logScale: true);

        ForecastResponse response = await Forecasts.ForecastAsync(new ForecastRequest
        {
            Economy = "JPN", Indicator = "pop", Method = "ETS", Horizon = 4, Levels = { 50, 90, 99 }, LogScale = true,
        });

        AssertSame(expected, response.Forecast, years[^1]);
        Assert.True(response.Forecast.LogScale);
    }

    [Fact]
    public async Task A_repeated_request_is_served_from_the_grain_cache_until_the_series_changes()
    {
        var request = new ForecastRequest { Economy = "KOR", Indicator = "rgdpna", Method = "theta", Horizon = 5, TrainEnd = 2015 };

        SeriesForecast first = (await Forecasts.ForecastAsync(request)).Forecast;
        SeriesForecast second = (await Forecasts.ForecastAsync(request)).Forecast;
        SeriesForecast otherHorizon = (await Forecasts.ForecastAsync(new ForecastRequest(request) { Horizon = 4 })).Forecast;

        Assert.False(first.Cached);
        Assert.True(second.Cached);
        Assert.False(otherHorizon.Cached);
        Assert.Equal(first.Points, second.Points);
        Assert.Equal(first.DataVersion, second.DataVersion);
    }

    [Theory]
    [InlineData("XXQ", "rgdpna", "ets", 6, "", 0, 0, StatusCode.NotFound, "unknown economy 'XXQ'")]
    [InlineData("USA", "GDP_PPP", "ets", 6, "", 0, 0, StatusCode.NotFound, "indicator: unknown indicator 'GDP_PPP'")]
    [InlineData("USA", "rgdpna", "ets", 0, "", 0, 0, StatusCode.InvalidArgument, "horizon: must be in [1, 50] years; got 0")]
    [InlineData("USA", "rgdpna", "ets", -2, "", 0, 0, StatusCode.InvalidArgument, "horizon: must be in [1, 50] years; got -2")]
    [InlineData("USA", "rgdpna", "ets", 51, "", 0, 0, StatusCode.InvalidArgument, "horizon: must be in [1, 50] years; got 51")]
    [InlineData("USA", "rgdpna", "ets", 6, "80,100", 0, 0, StatusCode.InvalidArgument, "levels[1]: must be a percentage in (0, 100)")]
    [InlineData("USA", "rgdpna", "ets", 6, "0", 0, 0, StatusCode.InvalidArgument, "levels[0]: must be a percentage in (0, 100)")]
    [InlineData("USA", "rgdpna", "ets", 6, "-5", 0, 0, StatusCode.InvalidArgument, "levels[0]: must be a percentage in (0, 100)")]
    [InlineData("USA", "rgdpna", "prophet", 6, "", 0, 0, StatusCode.InvalidArgument, "method: unknown method 'prophet'; valid: naive, drift, cagr, linear, loglinear, ets, arima, theta, combination, ses, holt, holtdamped, etsdamped, dotm, scum, auto, etsarima, etsarimadrift, trimmed")]
    [InlineData("USA", "rgdpna", "ets", 6, "", 2010, 2005, StatusCode.InvalidArgument, "train_start: 2010 is after train_end 2005")]
    [InlineData("USA", "rgdpna", "ets", 6, "", 2013, 0, StatusCode.FailedPrecondition, "ets needs at least 7 observations; the series has 5")]
    [InlineData("USA", "rgdpna", "auto", 6, "", 2012, 0, StatusCode.FailedPrecondition, "needs at least 7 observations")]
    [InlineData("USA", "rgdpna", "naive", 6, "", 1700, 1900, StatusCode.InvalidArgument, "train_start: 1700 is outside")]
    [InlineData("USA", "rgdpna", "naive", 6, "", 1900, 1920, StatusCode.FailedPrecondition, "USA rgdpna has no observed values in 1900–1920")]
    public async Task Bad_forecast_requests_get_the_right_status_and_say_what_to_fix(
        string economy, string indicator, string method, int horizon, string levels, int trainStart, int trainEnd, StatusCode status, string message)
    {
        var request = new ForecastRequest { Economy = economy, Indicator = indicator, Method = method, Horizon = horizon, TrainStart = trainStart, TrainEnd = trainEnd };
        request.Levels.AddRange(levels.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(l => double.Parse(l, CultureInfo.InvariantCulture)));

        var error = await Assert.ThrowsAsync<RpcException>(() => Forecasts.ForecastAsync(request).ResponseAsync);

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(message, error.Status.Detail);
    }

    [Fact]
    public async Task Gaps_and_non_positive_values_are_refused_with_the_reason()
    {
        var csv = new StringBuilder("economy,indicator,year,value\n");
        foreach (int year in Enumerable.Range(2000, 13).Where(y => y != 2005 && y != 2006))
        {
            csv.Append(CultureInfo.InvariantCulture, $"USA,fc_gap,{year},{100 + year - 2000}\n");
        }
        foreach (int year in Enumerable.Range(2000, 12))
        {
            csv.Append(CultureInfo.InvariantCulture, $"USA,fc_sign,{year},{(year == 2004 ? -1 : year - 1990)}\n");
        }
        await Data.ImportAsync(csv.ToString());

        var gap = await Assert.ThrowsAsync<RpcException>(() =>
            Forecasts.ForecastAsync(new ForecastRequest { Economy = "USA", Indicator = "fc_gap", Method = "drift", Horizon = 3 }).ResponseAsync);
        var cagr = await Assert.ThrowsAsync<RpcException>(() =>
            Forecasts.ForecastAsync(new ForecastRequest { Economy = "USA", Indicator = "fc_sign", Method = "cagr", Horizon = 3 }).ResponseAsync);
        var log = await Assert.ThrowsAsync<RpcException>(() =>
            Forecasts.ForecastAsync(new ForecastRequest { Economy = "USA", Indicator = "fc_sign", Method = "theta", Horizon = 3, LogScale = true }).ResponseAsync);
        ForecastResponse afterGap = await Forecasts.ForecastAsync(new ForecastRequest { Economy = "USA", Indicator = "fc_gap", Method = "drift", Horizon = 3, TrainStart = 2007 });

        Assert.Equal(StatusCode.InvalidArgument, gap.StatusCode);
        Assert.Contains("missing years inside 2000–2012 (2005, 2006); fill them first", gap.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, cagr.StatusCode);
        Assert.Contains("strictly positive", cagr.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, log.StatusCode);
        Assert.Contains("strictly positive", log.Status.Detail);
        Assert.Equal(6, afterGap.Forecast.Observations);
    }

    [Fact]
    public async Task Stored_forecasts_carry_provenance_and_never_replace_observed_values()
    {
        var csv = new StringBuilder("economy,indicator,year,value\n");
        var observed = new Dictionary<int, double>();
        foreach (int year in Enumerable.Range(2000, 13))
        {
            observed[year] = Math.Round(100 * Math.Pow(1.03, year - 2000) + (year % 3), 6);
            csv.Append(CultureInfo.InvariantCulture, $"USA,fc_store,{year},{observed[year]}\n");
        }
        await Data.ImportAsync(csv.ToString());

        SeriesForecast full = (await Forecasts.ForecastAsync(new ForecastRequest
        {
            Economy = "USA", Indicator = "fc_store", Method = "drift", Horizon = 3, Store = true,
        })).Forecast;
        SeriesForecast fromEarlier = (await Forecasts.ForecastAsync(new ForecastRequest
        {
            Economy = "USA", Indicator = "fc_store", Method = "naive", Horizon = 3, TrainEnd = 2010, Store = true,
        })).Forecast;
        SeriesForecast again = (await Forecasts.ForecastAsync(new ForecastRequest { Economy = "USA", Indicator = "fc_store", Method = "drift", Horizon = 3 })).Forecast;
        GetSeriesResponse series = await Data.GetSeriesAsync(new GetSeriesRequest { Economy = "USA", Indicator = "fc_store" });

        Assert.Equal(3, full.Stored);
        Assert.Equal(1, fromEarlier.Stored); // 2011 and 2012 are observed: only 2013 is written
        Dictionary<int, Observation> byYear = series.Series.Observations.ToDictionary(o => o.Year);
        Assert.Equal(Enumerable.Range(2000, 16), byYear.Keys.Order());
        foreach ((int year, double value) in observed)
        {
            Assert.Equal(value, byYear[year].Value);
            Assert.Equal(Provenance.Reported, byYear[year].Provenance);
        }
        Assert.Equal(fromEarlier.Points[2].Value, byYear[2013].Value);
        Assert.Contains("naive", byYear[2013].Source);
        Assert.Contains("origin 2010", byYear[2013].Source);
        foreach (int year in new[] { 2014, 2015 })
        {
            Assert.Equal(Provenance.Forecast, byYear[year].Provenance);
            Assert.Equal(full.Points[year - 2013].Value, byYear[year].Value);
            Assert.Contains("drift", byYear[year].Source);
            Assert.Contains("origin 2012", byYear[year].Source);
        }
        // Forecasts are never fitted on stored forecasts: the same 13 observed years, the same numbers.
        Assert.Equal(13, again.Observations);
        Assert.Equal(2012, again.OriginYear);
        Assert.Equal(full.Points.Select(p => p.Value), again.Points.Select(p => p.Value));
    }

    [Fact]
    public async Task The_json_route_serves_a_forecast_and_maps_errors()
    {
        using JsonDocument body = JsonDocument.Parse(
            await server.Http.GetStringAsync("/v1/economies/USA/series/rgdpna:forecast?method=drift&horizon=3&levels=90"));
        HttpResponseMessage bad = await server.Http.GetAsync("/v1/economies/USA/series/rgdpna:forecast?method=drift&horizon=0");
        HttpResponseMessage missing = await server.Http.GetAsync("/v1/economies/XXQ/series/rgdpna:forecast?horizon=3");

        JsonElement forecast = body.RootElement.GetProperty("forecast");
        Assert.Equal("drift", forecast.GetProperty("method").GetString());
        Assert.Equal(3, forecast.GetProperty("points").GetArrayLength());
        Assert.Equal(90, forecast.GetProperty("points")[0].GetProperty("intervals")[0].GetProperty("level").GetDouble());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("horizon", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
