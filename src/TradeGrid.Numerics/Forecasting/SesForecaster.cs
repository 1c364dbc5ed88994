using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting.Ets;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// Simple exponential smoothing as R's forecast::ses(y) (initial = "optimal", forecast 8.20): the model
/// ETS(A,N,N) with α and l₀ chosen by the mean squared one-step error (ets(y, "ANN", opt.crit = "mse")), a flat
/// forecast l_n, and ETS class 1 intervals: se_h = σ·sqrt(1 + (h − 1)·α²) with σ² = Σe²/(n − 2).
/// </summary>
public sealed class SesForecaster : IForecaster
{
    public string Name => "ses";

    /// <summary>ets switches to HoltWinters for n ≤ 2 parameters + 4; refused here, as for <see cref="ThetaForecaster"/>.</summary>
    public int MinimumObservations => 7;

    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels) => Forecast(y, horizon, levels, null);

    /// <summary>As <see cref="Forecast(ReadOnlySpan{double}, int, IReadOnlyList{double})"/>, sharing the ETS(A,N,N) fit through <paramref name="fits"/>.</summary>
    /// <param name="y">The series, oldest first, complete.</param>
    /// <param name="horizon">Steps ahead, 1..50.</param>
    /// <param name="levels">Interval levels in percent.</param>
    /// <param name="fits">Fits of this series made for other methods; null fits the model.</param>
    public ForecastResult Forecast(ReadOnlySpan<double> y, int horizon, IReadOnlyList<double> levels, EtsFitCache? fits)
    {
        ForecastChecks.Horizon(horizon);
        double[] levelArray = ForecastChecks.Levels(levels);
        double[] series = ForecastChecks.Series(y, MinimumObservations, Name);
        EtsFit fit = EtsFitCache.Fit(fits, series, new EtsCandidate(false, false, false), minimiseMse: true)
            ?? throw new InsufficientDataException($"ses needs at least {MinimumObservations} observations; the series has {series.Length}.");
        return EtsForecaster.ToResult(fit, series.Length, horizon, levelArray, Name, "Simple exponential smoothing");
    }
}
