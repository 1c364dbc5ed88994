using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Linear trend regression, mirroring R's forecast(tslm(y ~ trend), h): OLS on t = 1..n, intervals from
/// the regression's prediction standard error with Student-t quantiles on n − 2 degrees of freedom.
/// </summary>
public sealed class LinearTrendForecaster : IForecaster
{
    public string Name => "linear";

    /// <summary>Three points leave one residual degree of freedom for the interval.</summary>
    public int MinimumObservations => 3;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels)
    {
        ForecastChecks.Horizon(horizon);
        double[] series = ForecastChecks.Series(y, MinimumObservations, Name);
        return TrendRegression.Forecast(series, horizon, ForecastChecks.Levels(levels), Name, "Linear trend");
    }
}
