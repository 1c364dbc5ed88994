using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// The log option for positive quantities: forecasts log(y) with the inner method and back-transforms with exp,
/// as R's forecast functions do with lambda = 0 and biasadj = FALSE. Point forecasts become medians and every
/// bound stays positive; nothing is clamped. Non-positive input is refused rather than shifted.
/// Parameters, Sigma2 and the information criteria stay on the log scale.
/// Without this option nothing is clamped anywhere in the library: additive methods (naive, drift, linear trend,
/// additive-error ETS, ARIMA, Theta) can give negative lower bounds, and on a collapsing series negative points,
/// for a positive quantity. That is what R gives too; the log option is the remedy, not truncation at zero.
/// </summary>
public sealed class LogScaleForecaster : IForecaster
{
    private readonly IForecaster _inner;

    public LogScaleForecaster(IForecaster inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    public string Name => _inner.Name;

    public int MinimumObservations => _inner.MinimumObservations;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels)
    {
        ForecastChecks.Positive(y, $"the log option for {_inner.Name}");
        double[] logs = new double[y.Length];
        for (int t = 0; t < y.Length; t++)
        {
            logs[t] = Math.Log(y[t]);
        }
        ForecastResult onLogs = _inner.Forecast(logs, horizon, levels);
        return BackTransform(onLogs) with { Model = $"{onLogs.Model} on log scale" };
    }

    internal static ForecastResult BackTransform(ForecastResult onLogs) => onLogs with
    {
        Point = onLogs.Point.Select(Math.Exp).ToArray(),
        Lower = Intervals.Exp(onLogs.Lower),
        Upper = Intervals.Exp(onLogs.Upper),
        Fitted = onLogs.Fitted.Select(Math.Exp).ToArray(),
    };
}
