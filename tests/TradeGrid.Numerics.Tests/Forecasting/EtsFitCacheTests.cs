using TradeGrid.Numerics.Forecasting;

namespace TradeGrid.Numerics.Tests.Forecasting;

public sealed class EtsFitCacheTests
{
    private static readonly double[] Levels = [80, 95];

    [Fact]
    public void Methods_sharing_a_cache_forecast_exactly_what_they_forecast_alone()
    {
        // Arrange: one cache for the series, filled by ets (six models) before etsdamped and theta use it.
        double[] y = Series(0.0);
        var fits = new EtsFitCache(y);
        var etsDamped = new EtsForecaster("ZZN", damped: true, name: "etsdamped");

        // Act
        ForecastResult etsShared = new EtsForecaster().Forecast(y, 6, Levels, fits);
        ForecastResult dampedShared = etsDamped.Forecast(y, 6, Levels, fits);
        ForecastResult sesShared = new SesForecaster().Forecast(y, 6, Levels, fits);
        ForecastResult thetaShared = new ThetaForecaster().Forecast(y, 6, Levels, fits);

        // Assert: bit for bit the unshared forecasts.
        AssertSame(new EtsForecaster().Forecast(y, 6, Levels), etsShared);
        AssertSame(etsDamped.Forecast(y, 6, Levels), dampedShared);
        AssertSame(new SesForecaster().Forecast(y, 6, Levels), sesShared);
        AssertSame(new ThetaForecaster().Forecast(y, 6, Levels), thetaShared);
    }

    [Fact]
    public void A_cache_for_another_series_is_not_used()
    {
        double[] y = Series(0.0);
        double[] other = Series(0.4);
        var fits = new EtsFitCache(other);
        _ = new SesForecaster().Forecast(other, 6, Levels, fits);

        ForecastResult result = new SesForecaster().Forecast(y, 6, Levels, fits);

        AssertSame(new SesForecaster().Forecast(y, 6, Levels), result);
        Assert.NotEqual(new SesForecaster().Forecast(other, 6, Levels).Point, result.Point);
    }

    private static void AssertSame(ForecastResult expected, ForecastResult actual)
    {
        Assert.Equal(expected.Model, actual.Model);
        Assert.Equal(expected.Parameters, actual.Parameters);
        Assert.Equal(expected.Point, actual.Point);
        Assert.Equal(expected.Lower, actual.Lower);
        Assert.Equal(expected.Upper, actual.Upper);
        Assert.Equal(expected.Fitted, actual.Fitted);
    }

    /// <summary>A growing series with a cycle; phase shifts the cycle.</summary>
    private static double[] Series(double phase) =>
        Enumerable.Range(0, 30).Select(t => 500.0 * Math.Exp(0.025 * t + 0.06 * Math.Sin(t / 2.0 + phase))).ToArray();
}
