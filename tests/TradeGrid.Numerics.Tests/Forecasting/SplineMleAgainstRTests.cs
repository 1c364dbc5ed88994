using System.Text.Json;
using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// splinemle against R's splinef(method = "mle") in fixtures/forecasting/spline_reference.json, written by
/// make_spline_fixtures.R beside it: β, point forecasts, both interval levels and the one-step fitted values, on PWT
/// series (levels from 10 to 10¹⁴), synthetic ones (negative, flat, 5 and 130 points: only the last 100 choose β).
/// </summary>
public sealed class SplineMleAgainstRTests
{
    // The same Brent steps on a likelihood computed another way (Cholesky of Ω here, R inverts Ω then factors the
    // inverse): the two agree to about 1e-12 relative, which the flat bottom of the likelihood turns into 1e-6 on most
    // forecasts and bounds and 1e-5 on the worst (USA's 68 years); 1e-4, as the ETS comparisons for the same reason.
    private const double Tolerance = 1e-4;

    // The likelihood is flat at its minimum (a change of 1e-4 in β moves it by 2e-12 relative, the size of the two
    // evaluations' rounding differences), so Brent's steps can part there: β agrees to this, and the forecasts, which
    // hardly move across that flat bottom, to the tolerance above.
    private const double BetaTolerance = 1e-3;

    private static readonly Lazy<JsonElement[]> _series =
        new(() => Fixture.Load("forecasting/spline_reference").GetProperty("series").EnumerateArray().ToArray());

    public static IEnumerable<object[]> Cases() => _series.Value.Select(s => new object[] { s.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forecast_matches_r(string name)
    {
        JsonElement r = _series.Value.Single(s => s.GetProperty("name").GetString() == name);

        ForecastResult result = Forecaster.Forecast(r.Y(), ForecastMethod.SplineMle, r.H(), r.Levels());

        Assert.Equal("splinemle", result.Method);
        AssertClose.Relative(r.GetProperty("beta").GetDouble(), result.Parameters[0], BetaTolerance, $"{name} beta");
        RReference.AssertForecastMatches(r, result, Tolerance, name);
        double[] onestep = r.GetProperty("onestepf").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();
        Assert.True(double.IsNaN(result.Fitted[0]));
        for (int t = 1; t < onestep.Length; t++)
        {
            AssertClose.Relative(onestep[t], result.Fitted[t], Tolerance, $"{name} one-step fit {t}");
        }
    }

    [Fact]
    public void The_forecast_function_is_linear()
    {
        double[] y = [3.0, 3.5, 4.4, 4.9, 6.1, 6.6, 7.2, 8.4, 8.9, 9.7];

        double[] point = Forecaster.Forecast(y, ForecastMethod.SplineMle, 8).Point;

        for (int t = 2; t < point.Length; t++)
        {
            Assert.Equal(point[1] - point[0], point[t] - point[t - 1], 1e-9);
        }
    }

    [Fact]
    public void Too_short_a_series_is_refused_naming_the_minimum()
    {
        var ex = Assert.Throws<InsufficientDataException>(() => Forecaster.Forecast([1.0, 2.0, 3.5], ForecastMethod.SplineMle, 3));

        Assert.Contains("4", ex.Message, StringComparison.Ordinal);
    }
}
