using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// stats::arima's conditional sum of squares (ARIMA_CSS), the criterion of the CSS step of CSS-ML. R differences
/// the series inside every evaluation; ArimaEstimator differences it once per fit and passes the result here.
/// </summary>
internal static class ArimaCss
{
    /// <summary>
    /// ARIMA_CSS's sum on a series that is already differenced (entries before ncond are only read as lags): the
    /// optimiser calls it hundreds of times per fit, so it works on the caller's buffer without bounds checks.
    /// Residuals before ncond are never read, so the buffer needs no clearing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double OnDifferenced(ReadOnlySpan<double> w, ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, int ncond, Span<double> resid)
    {
        int n = w.Length;
        int p = phi.Length;
        int q = theta.Length;
        if (ncond < p || resid.Length < n)
        {
            throw new ArgumentException("ncond must cover the AR lags and resid must be as long as the series.", nameof(ncond));
        }
        if (p <= 2 && q <= 2)
        {
            return UpToSecondOrder(w, phi, theta, ncond, resid);
        }
        ref double wRef = ref MemoryMarshal.GetReference(w);
        ref double phiRef = ref MemoryMarshal.GetReference(phi);
        ref double thetaRef = ref MemoryMarshal.GetReference(theta);
        ref double residRef = ref MemoryMarshal.GetReference(resid);
        double ssq = 0.0;
        int nu = 0;
        for (int l = ncond; l < n; l++)
        {
            double tmp = Unsafe.Add(ref wRef, l);
            for (int j = 0; j < p; j++)
            {
                tmp -= Unsafe.Add(ref phiRef, j) * Unsafe.Add(ref wRef, l - j - 1);
            }
            int jmax = Math.Min(l - ncond, q);
            for (int j = 0; j < jmax; j++)
            {
                tmp -= Unsafe.Add(ref thetaRef, j) * Unsafe.Add(ref residRef, l - j - 1);
            }
            Unsafe.Add(ref residRef, l) = tmp;
            if (!double.IsNaN(tmp))
            {
                nu++;
                ssq += tmp * tmp;
            }
        }
        return ssq / nu;
    }

    /// <summary>
    /// The same sum for p ≤ 2 and q ≤ 2 (the orders the stepwise search starts from and mostly visits), with the lags
    /// in local variables. Missing coefficients are zeros and lags before ncond are zeros, so each added term is
    /// exactly zero and the result is the general loop's to the bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double UpToSecondOrder(ReadOnlySpan<double> w, ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, int ncond, Span<double> resid)
    {
        double phi0 = phi.Length > 0 ? phi[0] : 0.0;
        double phi1 = phi.Length > 1 ? phi[1] : 0.0;
        double theta0 = theta.Length > 0 ? theta[0] : 0.0;
        double theta1 = theta.Length > 1 ? theta[1] : 0.0;
        double w1 = ncond >= 1 ? w[ncond - 1] : 0.0;
        double w2 = ncond >= 2 ? w[ncond - 2] : 0.0;
        double r1 = 0.0;
        double r2 = 0.0;
        double ssq = 0.0;
        int nu = 0;
        for (int l = ncond; l < w.Length; l++)
        {
            double wl = w[l];
            double tmp = wl;
            tmp -= phi0 * w1;
            tmp -= phi1 * w2;
            tmp -= theta0 * r1;
            tmp -= theta1 * r2;
            resid[l] = tmp;
            if (!double.IsNaN(tmp))
            {
                nu++;
                ssq += tmp * tmp;
            }
            (w2, w1, r2, r1) = (w1, wl, r1, tmp);
        }
        return ssq / nu;
    }
}
