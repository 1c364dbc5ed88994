using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting.Ets;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting;

/// <summary>
/// The Theta method as R's forecast::thetaf (non-seasonal): simple exponential smoothing fitted as
/// ets(y, "ANN", opt.crit = "mse"), plus half the slope b of a linear trend on t = 0..n−1 as drift:
/// ŷ_{n+h} = l_n + (b/2)·(h − 1 + (1 − (1 − α)^n)/α). Intervals are SES's, ignoring the drift's
/// uncertainty exactly as thetaf does: se_h = σ·sqrt(1 + (h − 1)·α²).
/// </summary>
public sealed class ThetaForecaster : IForecaster
{
    public string Name => "theta";

    /// <summary>ses via ets switches to HoltWinters for n ≤ 6; refused here.</summary>
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
        int n = series.Length;

        EtsFit ses = EtsFitCache.Fit(fits, series, new EtsCandidate(false, false, false), minimiseMse: true)
            ?? throw new InsufficientDataException($"theta needs at least {MinimumObservations} observations; the series has {n}.");
        double drift = Slope(series) / 2.0;
        double alpha = Math.Max(1e-10, ses.Alpha);
        double sigma = Math.Sqrt(ses.Sigma2);

        var point = new double[horizon];
        var se = new double[horizon];
        double lag = (1.0 - Math.Pow(1.0 - alpha, n)) / alpha;
        for (int j = 0; j < horizon; j++)
        {
            point[j] = ses.LastLevel + drift * (j + lag);
            se[j] = sigma * Math.Sqrt(j * alpha * alpha + 1.0);
        }
        (double[][] lower, double[][] upper) = Intervals.Gaussian(point, se, levelArray);
        return new ForecastResult(
            Name, "Theta", ["alpha", "drift", "l"], [alpha, drift, ses.InitialLevel], point, levelArray, lower, upper,
            (double[])ses.Fitted.Clone(), ses.Sigma2, double.NaN, double.NaN, n);
    }

    /// <summary>lsfit(0:(n − 1), y)'s slope.</summary>
    private static double Slope(double[] y)
    {
        int n = y.Length;
        double meanT = (n - 1) / 2.0;
        double meanY = y.Average();
        double sxx = 0.0;
        double sxy = 0.0;
        for (int t = 0; t < n; t++)
        {
            sxx += (t - meanT) * (t - meanT);
            sxy += (t - meanT) * (y[t] - meanY);
        }
        return sxy / sxx;
    }
}
