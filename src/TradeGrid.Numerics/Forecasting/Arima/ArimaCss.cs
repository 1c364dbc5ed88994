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
}
