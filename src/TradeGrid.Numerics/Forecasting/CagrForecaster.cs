using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Compound annual growth over the last <c>window</c> years: y_{n+h} = y_n·(1 + g)^h with
/// g = (y_n / y_{n−w})^{1/w} − 1. There is no R function of that name; the model behind it is a random walk
/// with drift on log(y) fitted to the window's w log differences (the mean log difference is exactly log(1 + g)),
/// so the intervals are those of forecast::rwf(log(tail(y, w + 1)), drift = TRUE) back-transformed with exp.
/// Point forecasts are therefore medians, not means; bounds are positive by construction.
/// </summary>
public sealed class CagrForecaster : IForecaster
{
    private readonly int? _window;

    /// <param name="window">Years over which growth is measured (at least 2); null uses the whole series.</param>
    public CagrForecaster(int? window = null)
    {
        if (window is < 2)
        {
            throw new InvalidSpecException($"window must be at least 2 years (two growth rates give a spread); got {window}.");
        }
        _window = window;
    }

    public string Name => "cagr";

    public int MinimumObservations => (_window ?? 2) + 1;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels)
    {
        ForecastChecks.Horizon(horizon);
        double[] series = ForecastChecks.Series(y, MinimumObservations, Name);
        ForecastChecks.Positive(series, "cagr (growth rates)");
        int window = _window ?? series.Length - 1;
        double[] logWindow = series[^(window + 1)..].Select(v => Math.Log(v)).ToArray();
        ForecastResult onLogs = RandomWalk.Forecast(logWindow, horizon, ForecastChecks.Levels(levels), drift: true, Name, mirrorZeroDriftQuirk: false);

        double growth = Math.Exp(onLogs.Parameters[0]) - 1.0;
        var fitted = new double[series.Length];
        Array.Fill(fitted, double.NaN);
        for (int t = series.Length - window; t < series.Length; t++)
        {
            fitted[t] = series[t - 1] * (1.0 + growth);
        }
        return onLogs with
        {
            Model = $"CAGR over {window} years",
            ParameterNames = ["growth", "window", "log.sigma2"],
            Parameters = [growth, window, onLogs.Sigma2],
            Point = onLogs.Point.Select(Math.Exp).ToArray(),
            Lower = Intervals.Exp(onLogs.Lower),
            Upper = Intervals.Exp(onLogs.Upper),
            Fitted = fitted,
            Observations = series.Length,
        };
    }
}
