using System.Runtime.CompilerServices;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>stats::arima's conditional sum of squares (ARIMA_CSS), the criterion of the CSS step of CSS-ML.</summary>
internal static class ArimaCss
{
    /// <summary>ARIMA_CSS: conditional sum of squares after differencing, from observation ncond on.</summary>
    public static double Evaluate(double[] y, int d, ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, int ncond) =>
        Evaluate(y, d, phi, theta, ncond, new double[y.Length], new double[y.Length]);

    /// <summary>ARIMA_CSS with the caller's work buffers (length n each): the optimiser calls it hundreds of times per fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Evaluate(
        ReadOnlySpan<double> y, int d, ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, int ncond, Span<double> w, Span<double> resid)
    {
        int n = y.Length;
        y.CopyTo(w);
        for (int i = 0; i < d; i++)
        {
            for (int l = n - 1; l > 0; l--)
            {
                w[l] -= w[l - 1];
            }
        }
        resid.Clear();
        double ssq = 0.0;
        int nu = 0;
        for (int l = ncond; l < n; l++)
        {
            double tmp = w[l];
            for (int j = 0; j < phi.Length; j++)
            {
                tmp -= phi[j] * w[l - j - 1];
            }
            int jmax = Math.Min(l - ncond, theta.Length);
            for (int j = 0; j < jmax; j++)
            {
                tmp -= theta[j] * resid[l - j - 1];
            }
            resid[l] = tmp;
            if (!double.IsNaN(tmp))
            {
                nu++;
                ssq += tmp * tmp;
            }
        }
        return ssq / nu;
    }
}
