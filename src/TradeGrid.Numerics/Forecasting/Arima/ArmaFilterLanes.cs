using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// <see cref="ArmaFilter.Likelihood"/> for four models of the same orders at once, one per vector lane (see
/// <see cref="SmallArmaFilterLanes"/>, which serves states up to 3): the general filter's loops with each lane's
/// prediction covariance held once it has converged, and its convergence test (a running maximum that a NaN move interrupts)
/// applied lane by lane as the scalar filter applies it, so each lane's result is the scalar filter's to the bit.
/// </summary>
internal static class ArmaFilterLanes
{
    private const int Lanes = SmallArmaFilterLanes.Lanes;

    /// <summary>
    /// w: the four series interleaved (w[4t + k] is lane k's value at t); phi, v, p0: per lane as the scalar filter
    /// holds them (φ padded to at least r + 1, RR' and P₀ r × r row-major). Writes each lane's Σ v²/F, Σ log F and count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Likelihood(
        double[] w, int length, double[][] phi, double[][] v, double[][] p0, int r, Span<double> ssqOut, Span<double> sumLogOut, Span<int> countOut)
    {
        if (r <= 3)
        {
            SmallArmaFilterLanes.Likelihood(w, length, phi, v, p0, r, ssqOut, sumLogOut, countOut);
            return;
        }
        int s = r + 1;
        // One block for every per-lane array, on the stack for the states auto.arima fits (r ≤ 6): this runs hundreds
        // of times per fit.
        int size = r + 2 * r * r + s * s + (r + 1) + r;
        Span<Vector256<double>> block = size <= 512 ? stackalloc Vector256<double>[size] : new Vector256<double>[size];
        block.Clear();
        Span<Vector256<double>> phiL = block[..r];
        Span<Vector256<double>> vL = block.Slice(r, r * r);
        Span<Vector256<double>> pn = block.Slice(r + r * r, r * r);
        Span<Vector256<double>> pf = block.Slice(r + 2 * r * r, s * s);
        Span<Vector256<double>> a = block.Slice(r + 2 * r * r + s * s, r + 1);
        Span<Vector256<double>> anew = block.Slice(r + 2 * r * r + s * s + r + 1, r);
        for (int i = 0; i < r; i++)
        {
            phiL[i] = SmallArmaFilterLanes.Gather(phi, i);
        }
        for (int i = 0; i < r * r; i++)
        {
            vL[i] = SmallArmaFilterLanes.Gather(v, i);
            pn[i] = SmallArmaFilterLanes.Gather(p0, i);
        }
        Vector256<double> ssq = Vector256<double>.Zero, count = Vector256<double>.Zero, gainProduct = Vector256<double>.One;
        Vector256<double> tolerance = Vector256.Create(ArmaFilter.SteadyTolerance);
        Vector256<double> steady = Vector256<double>.Zero;
        Span<double> sumLog = stackalloc double[Lanes];
        sumLog.Clear();
        for (int l = 0; l < length; l++)
        {
            Vector256<double> a0 = a[0];
            for (int i = 0; i < r; i++)
            {
                anew[i] = phiL[i] * a0 + a[i + 1];
            }
            bool allSteady = steady == Vector256<double>.AllBitsSet;
            if (l > 0 && !allSteady)
            {
                for (int i = 0; i < r; i++)
                {
                    for (int j = 0; j <= i; j++)
                    {
                        pn[i * r + j] = Vector256.ConditionalSelect(steady, pn[i * r + j], vL[i * r + j] + pf[(i + 1) * s + j + 1]);
                    }
                }
            }
            Vector256<double> gain = pn[0];
            Vector256<double> resid = Vector256.Create(w.AsSpan(Lanes * l, Lanes)) - anew[0];
            (ssq, count, gainProduct) = ArmaLaneSums.Add(gain, resid, ssq, count, gainProduct, sumLog);
            Vector256<double> step = resid / gain;
            for (int i = 0; i < r; i++)
            {
                a[i] = anew[i] + pn[i * r] * step;
            }
            if (allSteady)
            {
                continue;
            }
            Vector256<double> change = l > 0 ? Vector256<double>.Zero : Vector256.Create(double.PositiveInfinity);
            for (int i = 1; i < r; i++)
            {
                Vector256<double> mi = pn[i * r] / gain;
                for (int j = 1; j <= i; j++)
                {
                    Vector256<double> updated = pn[i * r + j] - mi * pn[j * r];
                    Vector256<double> moved = Vector256.Abs(updated - pf[i * s + j]);
                    // if (!(moved <= change)) change = moved;
                    change = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(moved, change), change, moved);
                    // A converged lane's P is written too but never read again: its Pnew is held above.
                    pf[i * s + j] = updated;
                    pf[j * s + i] = updated;
                }
            }
            steady |= Vector256.LessThanOrEqual(change, tolerance);
        }
        ArmaLaneSums.Write(ssq, count, gainProduct, sumLog, ssqOut, sumLogOut, countOut);
    }
}
