using System.Runtime.CompilerServices;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// <see cref="ArmaFilter"/>'s likelihood for a state of at most 3 (max(p, q + 1) ≤ 3: every model auto.arima starts
/// from, and most it tries), with the state and both covariances in local variables instead of arrays: the same
/// operations in the same order, so the same numbers, at a fraction of the cost of the general loops with their
/// index arithmetic and bounds checks. A smaller state is padded with zero coefficients; its extra entries stay
/// exactly zero.
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
        double pp00 = phi0 * phi0, pp10 = phi1 * phi0, pp11 = phi1 * phi1, pp20 = phi2 * phi0, pp21 = phi2 * phi1, pp22 = phi2 * phi2;
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
        double f00 = 0.0, f10 = 0.0, f11 = 0.0, f20 = 0.0, f21 = 0.0, f22 = 0.0;
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
            double anew2 = phi2 * a0 + 0.0;
            if (l > 0 && !steady)
            {
                // Pnew_ij = v_ij + φ_iφ_j P₀₀ + P_{i+1,j+1} + φ_i P_{j+1,0} + φ_j P_{i+1,0}, with P_{3,·} = 0.
                n00 = v00 + pp00 * f00 + f11 + phi0 * f10 + phi0 * f10;
                n10 = v10 + pp10 * f00 + f21 + phi1 * f10 + phi0 * f20;
                n11 = v11 + pp11 * f00 + f22 + phi1 * f20 + phi1 * f20;
                n20 = v20 + pp20 * f00 + 0.0 + phi2 * f10 + phi0 * 0.0;
                n21 = v21 + pp21 * f00 + 0.0 + phi2 * f20 + phi1 * 0.0;
                n22 = v22 + pp22 * f00 + 0.0 + phi2 * 0.0 + phi2 * 0.0;
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
            double m0 = n00 / gain, m1 = n10 / gain, m2 = n20 / gain;
            double u00 = n00 - m0 * n00;
            double u10 = n10 - m1 * n00;
            double u11 = n11 - m1 * n10;
            double u20 = n20 - m2 * n00;
            double u21 = n21 - m2 * n10;
            double u22 = n22 - m2 * n20;
            // Step 0 overwrites the zero start, so it is compared from step 1 on; NaN never counts as converged.
            double change = Math.Max(
                Math.Max(Math.Max(Math.Abs(u00 - f00), Math.Abs(u10 - f10)), Math.Max(Math.Abs(u11 - f11), Math.Abs(u20 - f20))),
                Math.Max(Math.Abs(u21 - f21), Math.Abs(u22 - f22)));
            (f00, f10, f11, f20, f21, f22) = (u00, u10, u11, u20, u21, u22);
            steady = l > 0 && change <= ArmaFilter.SteadyTolerance;
        }
        return (ssq, sumLog + Math.Log(gainProduct), nu);
    }
}
