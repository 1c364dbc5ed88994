using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Log-linear (constant growth rate) trend, mirroring R's forecast(tslm(y ~ trend, lambda = 0), h):
/// the linear trend is fitted to log(y) and everything is back-transformed with exp and no bias adjustment
/// (R's biasadj = FALSE), so point forecasts are medians, and all bounds are positive.
/// Parameters, Sigma2 and the likelihood stay on the log scale.
/// </summary>
public sealed class LogLinearTrendForecaster : IForecaster
{
    public string Name => "loglinear";

    public int MinimumObservations => 3;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels)
    {
        ForecastChecks.Horizon(horizon);
        double[] series = ForecastChecks.Series(y, MinimumObservations, Name);
        ForecastChecks.Positive(series, "loglinear (log scale)");
        ForecastResult onLogs = TrendRegression.Forecast(
            series.Select(v => Math.Log(v)).ToArray(), horizon, ForecastChecks.Levels(levels), Name, "Log-linear trend");
        return LogScaleForecaster.BackTransform(onLogs);
    }
}
