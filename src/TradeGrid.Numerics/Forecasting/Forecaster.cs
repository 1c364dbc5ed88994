using TradeGrid.Domain;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// One entry point over every method with its default specification. For non-default settings
/// (a CAGR window, a fixed ETS model, holdout selection) construct the per-method class directly.
/// </summary>
public static class Forecaster
{
    /// <summary>The method names accepted by <see cref="Parse"/>, for error messages and clients.</summary>
    public static IReadOnlyList<string> MethodNames { get; } =
        ["naive", "drift", "cagr", "linear", "loglinear", "ets", "arima", "theta", "combination",
         "ses", "holt", "holtdamped", "etsdamped", "dotm", "scum", "auto", "etsarima", "etsarimadrift", "trimmed",
         "rolling", "spline", "splinemle", "ces", "scumces", "weighted"];

    /// <summary>Forecasts with <paramref name="method"/>'s default specification; levels default to 80 and 95.</summary>
    /// <param name="y">The series, oldest first, complete (no missing years).</param>
    /// <param name="method">The method.</param>
    /// <param name="horizon">Steps ahead, 1..50.</param>
    /// <param name="levels">Interval levels in percent; null or empty gives 80 and 95.</param>
    /// <param name="logScale">Fit on log(y) and back-transform (positive series only; see <see cref="LogScaleForecaster"/>).</param>
    public static ForecastResult Forecast(
        ReadOnlySpan<double> y, ForecastMethod method, int horizon, IReadOnlyList<double>? levels = null, bool logScale = false)
    {
        IForecaster forecaster = Create(method);
        if (logScale)
        {
            forecaster = new LogScaleForecaster(forecaster);
        }
        return forecaster.Forecast(y, horizon, levels ?? Internal.ForecastChecks.DefaultLevels);
    }

    /// <summary>The default-specification forecaster for a method.</summary>
    public static IForecaster Create(ForecastMethod method) => method switch
    {
        ForecastMethod.Naive => new NaiveForecaster(),
        ForecastMethod.Drift => new DriftForecaster(),
        ForecastMethod.Cagr => new CagrForecaster(),
        ForecastMethod.LinearTrend => new LinearTrendForecaster(),
        ForecastMethod.LogLinearTrend => new LogLinearTrendForecaster(),
        ForecastMethod.Ets => new EtsForecaster(),
        ForecastMethod.Theta => new ThetaForecaster(),
        ForecastMethod.Arima => new ArimaForecaster(),
        ForecastMethod.Combination => new CombinationForecaster(),
        ForecastMethod.Ses => new SesForecaster(),
        ForecastMethod.Holt => new HoltForecaster(),
        ForecastMethod.HoltDamped => new HoltForecaster(damped: true),
        ForecastMethod.EtsDamped => new EtsForecaster("ZZN", damped: true, name: "etsdamped"),
        ForecastMethod.Dotm => new DynamicOptimisedThetaForecaster(),
        ForecastMethod.Scum => new MedianCombinationForecaster(),
        ForecastMethod.Auto => CombinationForecaster.Weighted("auto"),
        ForecastMethod.EtsArima => CombinationForecaster.EtsArima(),
        ForecastMethod.EtsArimaDrift => CombinationForecaster.EtsArimaDrift(),
        ForecastMethod.Trimmed => CombinationForecaster.Trimmed(),
        ForecastMethod.Rolling => new RollingOriginForecaster(),
        ForecastMethod.Spline => new SplineForecaster(),
        ForecastMethod.SplineMle => new SplineForecaster(SplineSmoothing.Likelihood),
        ForecastMethod.Ces => new ComplexExponentialSmoothingForecaster(),
        ForecastMethod.ScumCes => MedianCombinationForecaster.Scum(),
        ForecastMethod.Weighted => CombinationForecaster.Weighted(),
        _ => throw new InvalidSpecException($"method {method} is not available; valid: {string.Join(", ", MethodNames)}."),
    };

    /// <summary>Parses a method name ("ets", "arima", ...), case-insensitively.</summary>
    public static ForecastMethod Parse(string name)
    {
        int index = MethodNames.ToList().FindIndex(n => string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new InvalidSpecException($"unknown method '{name}'; valid: {string.Join(", ", MethodNames)}.");
        }
        return (ForecastMethod)index;
    }
}
