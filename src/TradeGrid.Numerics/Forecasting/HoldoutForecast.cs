using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// The automatic method as a service needs it: <see cref="HoldoutSelector"/>'s default candidates and holdout,
/// returning every candidate's score (which <see cref="Forecaster.Forecast"/> with <see cref="ForecastMethod.Auto"/>
/// drops), optionally on the log scale: the selection runs on log(y) and the winner's forecast is back-transformed
/// exactly as <see cref="LogScaleForecaster"/> does, so the scores are those of the log-scale fits.
/// </summary>
public static class HoldoutForecast
{
    /// <param name="y">The series, oldest first, complete.</param>
    /// <param name="horizon">Steps ahead, 1..50.</param>
    /// <param name="levels">Interval levels in percent; null or empty gives 80 and 95.</param>
    /// <param name="logScale">Select and fit on log(y) (strictly positive series only).</param>
    /// <param name="holdoutHorizon">Years forecast from each rolling origin (HoldoutSelector's default: 3).</param>
    /// <param name="origins">Number of rolling origins (HoldoutSelector's default: 3).</param>
    public static HoldoutSelection Select(
        ReadOnlySpan<double> y, int horizon, IReadOnlyList<double>? levels = null, bool logScale = false, int holdoutHorizon = 3, int origins = 3)
    {
        var selector = new HoldoutSelector(holdoutHorizon: holdoutHorizon, origins: origins);
        IReadOnlyList<double> levelList = levels is { Count: > 0 } ? levels : ForecastChecks.DefaultLevels;
        if (!logScale)
        {
            HoldoutSelection selection = selector.Select(y, horizon, levelList);
            return selection with { Forecast = selection.Forecast with { Model = Chosen(selection.Forecast.Model) } };
        }
        ForecastChecks.Positive(y, "the log option for auto");
        double[] logs = new double[y.Length];
        for (int t = 0; t < y.Length; t++)
        {
            logs[t] = Math.Log(y[t]);
        }
        HoldoutSelection onLogs = selector.Select(logs, horizon, levelList);
        ForecastResult back = LogScaleForecaster.BackTransform(onLogs.Forecast);
        return onLogs with { Forecast = back with { Model = Chosen($"{onLogs.Forecast.Model} on log scale") } };
    }

    /// <summary>The label <see cref="HoldoutSelector.Forecast"/> gives, so both entry points name a model alike.</summary>
    private static string Chosen(string model) => $"{model} (chosen by holdout sMAPE)";
}
