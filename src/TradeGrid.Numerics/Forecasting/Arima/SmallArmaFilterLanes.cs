using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// <see cref="SmallArmaFilter"/> for four models at once, one per vector lane: the optimiser's gradient evaluates the
/// likelihood at 2n nearby points, and the filter is a serial recursion whose latency, not its arithmetic, bounds
/// it, so four recursions side by side cost little more than one. Every lane performs the scalar filter's
/// operations in the same order (no fused multiply–add), and a lane whose covariance has converged keeps it as the
/// scalar filter does, so each lane's result is the scalar filter's to the bit.
/// </summary>
internal static class SmallArmaFilterLanes
{
    public const int Lanes = 4;

    /// <summary>
    /// w: the four series interleaved (w[4t + k] is lane k's value at t); phi, v, p0: per lane as
    /// <see cref="SmallArmaFilter.Likelihood"/> takes them (φ padded to 3, RR' and P₀ r × r row-major, the same r).
    /// Writes each lane's Σ v²/F, Σ log F and count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Likelihood(
        double[] w, int length, double[][] phi, double[][] v, double[][] p0, int r, Span<double> ssqOut, Span<double> sumLogOut, Span<int> countOut)
    {
        Vector256<double> phi0 = Gather(phi, 0), phi1 = Gather(phi, 1), phi2 = Gather(phi, 2);
        Vector256<double> zero = Vector256<double>.Zero;
        Vector256<double> v00 = Gather(v, 0), v10 = zero, v11 = zero, v20 = zero, v21 = zero, v22 = zero;
        Vector256<double> n00 = Gather(p0, 0), n10 = zero, n11 = zero, n20 = zero, n21 = zero, n22 = zero;
        if (r >= 2)
        {
            (v10, v11) = (Gather(v, r), Gather(v, r + 1));
            (n10, n11) = (Gather(p0, r), Gather(p0, r + 1));
        }
        if (r == 3)
        {
            (v20, v21, v22) = (Gather(v, 6), Gather(v, 7), Gather(v, 8));
            (n20, n21, n22) = (Gather(p0, 6), Gather(p0, 7), Gather(p0, 8));
        }
        Vector256<double> f11 = zero, f21 = zero, f22 = zero;
        Vector256<double> a0 = zero, a1 = zero, a2 = zero;
        Vector256<double> ssq = zero, count = zero, gainProduct = Vector256<double>.One;
        Vector256<double> tolerance = Vector256.Create(ArmaFilter.SteadyTolerance);
        // All bits set in a lane whose covariance has converged.
        Vector256<double> steady = zero;
        Span<double> sumLog = stackalloc double[Lanes];
        sumLog.Clear();
        for (int l = 0; l < length; l++)
        {
            Vector256<double> anew0 = phi0 * a0 + a1;
            Vector256<double> anew1 = phi1 * a0 + a2;
            Vector256<double> anew2 = phi2 * a0;
            bool allSteady = steady == Vector256<double>.AllBitsSet;
            if (l > 0 && !allSteady)
            {
                n00 = Vector256.ConditionalSelect(steady, n00, v00 + f11);
                n10 = Vector256.ConditionalSelect(steady, n10, v10 + f21);
                n11 = Vector256.ConditionalSelect(steady, n11, v11 + f22);
                n20 = Vector256.ConditionalSelect(steady, n20, v20);
                n21 = Vector256.ConditionalSelect(steady, n21, v21);
                n22 = Vector256.ConditionalSelect(steady, n22, v22);
            }
            Vector256<double> gain = n00;
            Vector256<double> resid = Vector256.Create(w.AsSpan(Lanes * l, Lanes)) - anew0;
            (ssq, count, gainProduct) = ArmaLaneSums.Add(gain, resid, ssq, count, gainProduct, sumLog);
            Vector256<double> step = resid / gain;
            a0 = anew0 + n00 * step;
            a1 = anew1 + n10 * step;
            a2 = anew2 + n20 * step;
            if (allSteady)
            {
                continue;
            }
            Vector256<double> m1 = n10 / gain, m2 = n20 / gain;
            Vector256<double> u11 = n11 - m1 * n10;
            Vector256<double> u21 = n21 - m2 * n10;
            Vector256<double> u22 = n22 - m2 * n20;
            // The scalar filter's max(...) ≤ tolerance, NaN never converged: each move ≤ tolerance (false for NaN).
            Vector256<double> settled = Vector256.LessThanOrEqual(Vector256.Abs(u11 - f11), tolerance)
                & Vector256.LessThanOrEqual(Vector256.Abs(u21 - f21), tolerance)
                & Vector256.LessThanOrEqual(Vector256.Abs(u22 - f22), tolerance);
            // A converged lane's f is overwritten too but never read again: its n is held above.
            (f11, f21, f22) = (u11, u21, u22);
            if (l > 0)
            {
                steady |= settled;
            }
        }
        ArmaLaneSums.Write(ssq, count, gainProduct, sumLog, ssqOut, sumLogOut, countOut);
    }

    /// <summary>Entry j of each lane's array (the lane kernels' coefficients and covariances).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Gather(double[][] lanes, int j) => Vector256.Create(lanes[0][j], lanes[1][j], lanes[2][j], lanes[3][j]);
}
