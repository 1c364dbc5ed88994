using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting.Ets;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Holt's linear trend method as R's forecast::holt(y, damped) (initial = "optimal", forecast 8.20): the model
/// ETS(A,A,N), or ETS(A,Ad,N) when damped, with α, β (and φ) and the initial states chosen by the mean squared
/// one-step error (ets(y, "AAN", damped, opt.crit = "mse")), and ETS class 1 intervals. Damping (Gardner and
/// McKenzie 1985) bends the trend towards a constant, 0.8 ≤ φ ≤ 0.98; on the M3 yearly data it was among the
/// most accurate single methods (Makridakis and Hibon 2000), the undamped trend among the least.
/// </summary>
public sealed class HoltForecaster : IForecaster
{
    private readonly bool _damped;

    /// <param name="damped">Damp the trend (holt(y, damped = TRUE)).</param>
    public HoltForecaster(bool damped = false) => _damped = damped;

    public string Name => _damped ? "holtdamped" : "holt";

    /// <summary>ets switches to HoltWinters for n ≤ parameters + 4 (α, β, l₀, b₀, and φ when damped); refused here.</summary>
    public int MinimumObservations => _damped ? 10 : 9;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels)
    {
        ForecastChecks.Horizon(horizon);
        double[] levelArray = ForecastChecks.Levels(levels);
        double[] series = ForecastChecks.Series(y, MinimumObservations, Name);
        EtsFit fit = EtsEstimator.Fit(series, new EtsCandidate(false, true, _damped), minimiseMse: true)
            ?? throw new InsufficientDataException($"{Name} needs at least {MinimumObservations} observations; the series has {series.Length}.");
        return EtsForecaster.ToResult(fit, series.Length, horizon, levelArray, Name, _damped ? "Damped Holt's method" : "Holt's method");
    }
}
