using System.Text.Json;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Forecasting.Internal;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// spline (splinef's default, method = "gcv") against R in fixtures/forecasting/spline_gcv_reference.json, written by
/// make_spline_fixtures.R beside it: smooth.spline's λ and spar, β, point forecasts, both interval levels and the
/// one-step fitted values, on the mle fixture's series and on 4, 49 and 50 points (every point a knot below 50, fewer
/// from 50, as R's .nknots.smspl).
/// </summary>
public sealed class SplineGcvAgainstRTests
{
    // β below this floor is raised to it (splinef's pmax(1e-07, ...)).
    private const double BetaFloor = 1e-7;

    // Where GCV chooses a real smoothing (β above the floor) the search takes R's steps: λ to rounding.
    private const double LambdaTolerance = 1e-8;

    // R's criterion, computed by its banded routines and 0.3330 for 1/3, against this one: they agree to about 1e-11
    // where the fit smooths, 1e-8 where it nearly interpolates (df near n makes (1 − df/n)² small).
    private const double CriterionTolerance = 1e-7;

    // Forecasts, bounds and one-step fits from the same β through the mle fixture's algebra (Cholesky of Ω here, R's
    // solve of Ω): 1e-8 or closer on most, 1.1e-6 on the 130-point series.
    private const double Tolerance = 1e-5;

    private static readonly Lazy<JsonElement[]> _series =
        new(() => Fixture.Load("forecasting/spline_gcv_reference").GetProperty("series").EnumerateArray().ToArray());

    public static IEnumerable<object[]> Cases() => _series.Value.Select(s => new object[] { s.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Smoothing_parameter_matches_smooth_spline(string name)
    {
        JsonElement r = _series.Value.Single(s => s.GetProperty("name").GetString() == name);
        double[] y = r.Y();
        int n = y.Length;
        double cube = (n - 1.0) * (n - 1.0) * (n - 1.0) / ((double)n * n * n);
        double lambda = r.GetProperty("lambda").GetDouble();
        double spar = r.GetProperty("spar").GetDouble();
        double crit = r.GetProperty("crit").GetDouble();

        SmoothingSplineChoice choice = SmoothingSplineGcv.Choose(y);

        Assert.False(choice.Failed);
        if (lambda * cube <= BetaFloor)
        {
            // GCV interpolates (spar near the search's lower end, where the criterion is 0/0 to rounding): the
            // steps may part, but both sides floor β.
            Assert.True(choice.Lambda * cube < BetaFloor, $"{name}: λ {choice.Lambda} against R's {lambda}");
            return;
        }

        // The criterion itself: R's value at R's spar.
        AssertClose.Relative(crit, SmoothingSplineGcv.CriterionAt(y, spar), CriterionTolerance, $"{name} criterion at R's spar");
        if (Math.Abs(choice.Lambda - lambda) > LambdaTolerance * lambda)
        {
            // The search parted from R's only where the criterion is flat to the two evaluations' difference (4
            // points, a straight line's bottom): the same minimum.
            AssertClose.Relative(crit, choice.Criterion, CriterionTolerance, $"{name}: λ {choice.Lambda} against R's {lambda}, criterion");
            Assert.Equal("syn_curve_4", name);
            return;
        }

        Assert.Equal(spar, choice.Spar, 1e-9);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forecast_matches_r(string name)
    {
        JsonElement r = _series.Value.Single(s => s.GetProperty("name").GetString() == name);

        ForecastResult result = Forecaster.Forecast(r.Y(), ForecastMethod.Spline, r.H(), r.Levels());

        Assert.Equal("spline", result.Method);
        if (name != "syn_curve_4")
        {
            AssertClose.Relative(r.GetProperty("beta").GetDouble(), result.Parameters[0], LambdaTolerance, $"{name} beta");
        }

        RReference.AssertForecastMatches(r, result, Tolerance, name);
        double[] onestep = r.GetProperty("onestepf").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();
        for (int t = 1; t < onestep.Length; t++)
        {
            AssertClose.Relative(onestep[t], result.Fitted[t], Tolerance, $"{name} one-step fit {t}");
        }
    }

    [Fact]
    public void Knots_follow_r_from_fifty_points()
    {
        Assert.Equal(49, SmoothingSplineBasis.InnerKnotCount(49));
        Assert.Equal(49, SmoothingSplineBasis.InnerKnotCount(50)); // R: trunc(2^log2(50)) = 49
        Assert.Equal(52, SmoothingSplineBasis.InnerKnotCount(60));
        Assert.Equal(72, SmoothingSplineBasis.InnerKnotCount(130));
    }
}
