using System.Runtime.CompilerServices;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// <see cref="ArmaFilter"/>'s likelihood for a state of at most 3 (max(p, q + 1) ≤ 3: every model auto.arima starts
/// from, and most it tries), with the state and both covariances in local variables instead of arrays: the same
/// operations as the general loops, so the same numbers, at a fraction of their cost (no index arithmetic or bounds
/// checks). A smaller state is padded with zero coefficients; its extra entries stay exactly zero.
/// </summary>
internal static class SmallArmaFilter
{
    /// <summary>
    /// phi: φ padded to 3; v and p0: RR' and the stationary covariance, r × r row-major (r ≤ 3).
    /// Returns Σ v²/F, Σ log F and the number of steps counted, as <see cref="ArmaFilter.Likelihood"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Ssq, double SumLog, int Count) Likelihood(
        ReadOnlySpan<double> w, ReadOnlySpan<double> phi, ReadOnlySpan<double> v, ReadOnlySpan<double> p0, int r)
    {
        double phi0 = phi[0], phi1 = phi[1], phi2 = phi[2];
        double v00 = v[0], v10 = 0.0, v11 = 0.0, v20 = 0.0, v21 = 0.0, v22 = 0.0;
        // Pnew (n) starts as the stationary covariance; the filtered covariance (f) as zero.
        double n00 = p0[0], n10 = 0.0, n11 = 0.0, n20 = 0.0, n21 = 0.0, n22 = 0.0;
        if (r >= 2)
        {
            (v10, v11) = (v[r], v[r + 1]);
            (n10, n11) = (p0[r], p0[r + 1]);
        }
        if (r == 3)
        {
            (v20, v21, v22) = (v[6], v[7], v[8]);
            (n20, n21, n22) = (p0[6], p0[7], p0[8]);
        }
        // The filtered covariance's first row and column are zero (see ArmaFilter), so only f11, f21, f22 are kept.
        double f11 = 0.0, f21 = 0.0, f22 = 0.0;
        double a0 = 0.0, a1 = 0.0, a2 = 0.0;
        double ssq = 0.0;
        double sumLog = 0.0;
        double gainProduct = 1.0;
        int nu = 0;
        bool steady = false;
        for (int l = 0; l < w.Length; l++)
        {
            double anew0 = phi0 * a0 + a1;
            double anew1 = phi1 * a0 + a2;
            double anew2 = phi2 * a0;
            if (l > 0 && !steady)
            {
                // Pnew_ij = v_ij + P_{i+1,j+1}, with P_{3,·} = 0.
                (n00, n10, n11) = (v00 + f11, v10 + f21, v11 + f22);
                (n20, n21, n22) = (v20, v21, v22);
            }
            double gain = n00;
            double resid = w[l] - anew0;
            if (gain < ArmaFilter.DiffuseGain)
            {
                nu++;
                ssq += resid * resid / gain;
                gainProduct *= gain;
                if (gainProduct > ArmaFilter.ProductLimit)
                {
                    sumLog += Math.Log(gainProduct);
                    gainProduct = 1.0;
                }
            }
            double step = resid / gain;
            a0 = anew0 + n00 * step;
            a1 = anew1 + n10 * step;
            a2 = anew2 + n20 * step;
            if (steady)
            {
                continue;
            }
            double m1 = n10 / gain, m2 = n20 / gain;
            double u11 = n11 - m1 * n10;
            double u21 = n21 - m2 * n10;
            double u22 = n22 - m2 * n20;
            // Step 0 overwrites the zero start, so it is compared from step 1 on; NaN never counts as converged.
            double change = Math.Max(Math.Max(Math.Abs(u11 - f11), Math.Abs(u21 - f21)), Math.Abs(u22 - f22));
            (f11, f21, f22) = (u11, u21, u22);
            steady = l > 0 && change <= ArmaFilter.SteadyTolerance;
        }
        return (ssq, sumLog + Math.Log(gainProduct), nu);
    }
}
