using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Random walk with drift, mirroring R's forecast::rwf(y, drift = TRUE): the drift is the mean first
/// difference, and the intervals include the drift's estimation error.
/// </summary>
public sealed class DriftForecaster : IForecaster
{
    public string Name => "drift";

    /// <summary>Three points: two differences give a drift and one residual degree of freedom.</summary>
    public int MinimumObservations => 3;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels)
    {
        ForecastChecks.Horizon(horizon);
        double[] series = ForecastChecks.Series(y, MinimumObservations, Name);
        return RandomWalk.Forecast(series, horizon, ForecastChecks.Levels(levels), drift: true, Name);
    }
}
