using System.Text.Json;
using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;

namespace TradeGrid.Numerics.Tests.Forecasting;

public sealed class SimpleMethodsAgainstRTests
{
    // Closed forms evaluated in the same order as R; only rounding and MathNet's normal quantile differ.
    private const double ClosedFormTolerance = 1e-9;

    // The Student-t quantile comes from MathNet's numerical inversion, accurate to about 1e-9 relative.
    private const double RegressionTolerance = 1e-7;

    public static IEnumerable<object[]> AllSeries => RReference.Names("naive");

    public static IEnumerable<object[]> PositiveSeries => RReference.Names("loglinear");

    [Theory]
    [MemberData(nameof(AllSeries))]
    public void Naive_matches_forecast_naive(string name)
    {
        JsonElement r = RReference.Get(name);

        ForecastResult result = new NaiveForecaster().Forecast(r.Y(), r.H(), r.Levels());

        RReference.AssertForecastMatches(r.GetProperty("naive"), result, ClosedFormTolerance, name);
    }

    [Theory]
    [MemberData(nameof(AllSeries))]
    public void Drift_matches_forecast_rwf_with_drift(string name)
    {
        JsonElement r = RReference.Get(name);

        ForecastResult result = new DriftForecaster().Forecast(r.Y(), r.H(), r.Levels());

        RReference.AssertForecastMatches(r.GetProperty("drift"), result, ClosedFormTolerance, name);
    }

    [Theory]
    [MemberData(nameof(AllSeries))]
    public void Linear_trend_matches_forecast_tslm(string name)
    {
        JsonElement r = RReference.Get(name);

        ForecastResult result = new LinearTrendForecaster().Forecast(r.Y(), r.H(), r.Levels());

        RReference.AssertForecastMatches(r.GetProperty("linear"), result, RegressionTolerance, name);
    }

    [Theory]
    [MemberData(nameof(PositiveSeries))]
    public void Log_linear_trend_matches_forecast_tslm_with_lambda_zero(string name)
    {
        JsonElement r = RReference.Get(name);

        ForecastResult result = new LogLinearTrendForecaster().Forecast(r.Y(), r.H(), r.Levels());

        RReference.AssertForecastMatches(r.GetProperty("loglinear"), result, RegressionTolerance, name);
    }

    [Theory]
    [MemberData(nameof(PositiveSeries))]
    public void Cagr_over_five_years_matches_rwf_drift_on_logs(string name)
    {
        JsonElement r = RReference.Get(name);

        ForecastResult result = new CagrForecaster(window: 5).Forecast(r.Y(), r.H(), r.Levels());

        RReference.AssertForecastMatches(r.GetProperty("cagr5"), result, ClosedFormTolerance, name);
    }

    [Fact]
    public void Cagr_point_forecast_is_compound_growth()
    {
        double[] y = [100, 110, 121, 133.1];

        ForecastResult result = new CagrForecaster().Forecast(y, 2, [80]);

        AssertCloseRelative(0.1, result.Parameters[0]);
        AssertCloseRelative(133.1 * 1.1 * 1.1, result.Point[1]);
    }

    [Fact]
    public void Log_methods_refuse_non_positive_values()
    {
        double[] y = [3, 2, 0, 4];

        var ex = Assert.Throws<InvalidSpecException>(() => new LogLinearTrendForecaster().Forecast(y, 2, [95]));

        Assert.Contains("y[2] = 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_short_series_names_the_minimum()
    {
        var ex = Assert.Throws<InsufficientDataException>(() => new DriftForecaster().Forecast([1.0, 2.0], 3, [80]));

        Assert.Contains("at least 3", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void Horizon_outside_range_is_refused(int horizon)
    {
        var ex = Assert.Throws<InvalidSpecException>(() => new NaiveForecaster().Forecast([1.0, 2.0, 3.0], horizon, [80]));

        Assert.Contains("[1, 50]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Level_outside_zero_hundred_is_refused()
    {
        Assert.Throws<InvalidSpecException>(() => new NaiveForecaster().Forecast([1.0, 2.0, 3.0], 2, [100.0]));
    }

    private static void AssertCloseRelative(double expected, double actual) =>
        Support.AssertClose.Relative(expected, actual, ClosedFormTolerance, "value");
}
