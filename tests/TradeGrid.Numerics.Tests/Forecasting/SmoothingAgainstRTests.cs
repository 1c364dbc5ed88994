using System.Text.Json;
using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// ses, holt, holt(damped = TRUE) and ets(damped = TRUE) against fixtures/forecasting/smoothing_reference.json,
/// written by make_smoothing_fixtures.R beside it (R and forecast versions in "meta").
/// </summary>
public sealed class SmoothingAgainstRTests
{
    // The same criterion minimised by the same Nelder–Mead port from the same start as R's ets(): the 1e-4 that
    // the ETS point forecasts and bounds already match R to (EtsAgainstRTests), for the same reason.
    private const double Tolerance = 1e-4;

    private static readonly Lazy<JsonElement[]> _series =
        new(() => Fixture.Load("forecasting/smoothing_reference").GetProperty("series").EnumerateArray().ToArray());

    public static IEnumerable<object[]> Cases() =>
        from s in _series.Value
        from method in new[] { "ses", "holt", "holtdamped", "etsdamped" }
        where s.TryGetProperty(method, out _)
        select new object[] { s.GetProperty("name").GetString()!, method };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forecast_matches_r(string name, string method)
    {
        JsonElement r = _series.Value.Single(s => s.GetProperty("name").GetString() == name);
        JsonElement reference = r.GetProperty(method);

        ForecastResult result = Forecaster.Forecast(r.Y(), Forecaster.Parse(method), r.H(), r.Levels());

        Assert.Equal(method, result.Method);
        AssertClose.Relative(reference.GetProperty("sigma2").GetDouble(), result.Sigma2, Tolerance, $"{name} {method} sigma2");
        RReference.AssertForecastMatches(reference, result, Tolerance, $"{name} {method}");
    }

    [Fact]
    public void Damped_ets_reports_the_model_r_chose()
    {
        JsonElement[] damped = _series.Value.Where(s => s.TryGetProperty("etsdamped", out _)).ToArray();

        string[] ours = damped.Select(s => Forecaster.Forecast(s.Y(), ForecastMethod.EtsDamped, s.H(), s.Levels()).Model).ToArray();

        Assert.Equal(damped.Select(s => s.GetProperty("etsdamped").GetProperty("method").GetString()).ToArray(), ours);
    }

    [Theory]
    [InlineData("holt", 8)]
    [InlineData("holtdamped", 9)]
    [InlineData("ses", 6)]
    public void Too_short_a_series_is_refused_naming_the_minimum(string method, int length)
    {
        double[] y = Enumerable.Range(1, length).Select(t => 10.0 + t).ToArray();

        var ex = Assert.Throws<InsufficientDataException>(() => Forecaster.Forecast(y, Forecaster.Parse(method), 3));

        Assert.Contains($"at least {length + 1} observations", ex.Message, StringComparison.Ordinal);
    }
}
