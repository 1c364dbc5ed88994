using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// The naive forecast, mirroring R's forecast::naive: every horizon gets the last value; intervals
/// y_n ± z·σ·sqrt(h) with σ² = mean of squared first differences.
/// </summary>
public sealed class NaiveForecaster : IForecaster
{
    public string Name => "naive";

    public int MinimumObservations => 2;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels)
    {
        ForecastChecks.Horizon(horizon);
        double[] series = ForecastChecks.Series(y, MinimumObservations, Name);
        return RandomWalk.Forecast(series, horizon, ForecastChecks.Levels(levels), drift: false, Name);
    }
}
