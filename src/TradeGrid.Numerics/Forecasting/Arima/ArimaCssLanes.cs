using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// <see cref="ArimaCss"/>'s sum at four points at once, one per vector lane (see
/// <see cref="SmallArmaFilterLanes"/> for why): the same operations in the same order as the scalar sum, so each
/// lane's result is the scalar sum's to the bit.
/// </summary>
internal static class ArimaCssLanes
{
    private const int Lanes = SmallArmaFilterLanes.Lanes;

    /// <summary>
    /// w: the four differenced series interleaved (w[4t + k] is lane k's value at t); phi and theta per lane, each of
    /// the lengths p and q; ncond = p. Writes each lane's ARIMA_CSS value (Σ residual² / count).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void OnDifferenced(double[] w, int length, double[][] phi, double[][] theta, int p, int q, Span<double> result)
    {
        if (w.Length < Lanes * length)
        {
            throw new ArgumentException("w must hold four interleaved series of the given length.", nameof(w));
        }
        if (p <= 2 && q <= 2)
        {
            UpToSecondOrder(w, length, phi, theta, p, q, result);
            return;
        }
        // ArimaCss's general loop, lane by lane the same operations: the lags in arrays, θ's terms only over lags past ncond.
        int ncond = p;
        Span<Vector256<double>> phiLanes = p <= 64 ? stackalloc Vector256<double>[p] : new Vector256<double>[p];
        Span<Vector256<double>> thetaLanes = q <= 64 ? stackalloc Vector256<double>[q] : new Vector256<double>[q];
        for (int j = 0; j < p; j++)
        {
            phiLanes[j] = Lane(phi, j);
        }
        for (int j = 0; j < q; j++)
        {
            thetaLanes[j] = Lane(theta, j);
        }
        // Residuals before ncond are never read, so the buffer needs no clearing beyond what stackalloc does.
        Span<Vector256<double>> resid = length <= 256 ? stackalloc Vector256<double>[length] : new Vector256<double>[length];
        Vector256<double> ssq = Vector256<double>.Zero, count = Vector256<double>.Zero;
        for (int l = ncond; l < length; l++)
        {
            Vector256<double> tmp = Vector256.Create(w.AsSpan(Lanes * l, Lanes));
            for (int j = 0; j < p; j++)
            {
                tmp -= phiLanes[j] * Vector256.Create(w.AsSpan(Lanes * (l - j - 1), Lanes));
            }
            int jmax = Math.Min(l - ncond, q);
            for (int j = 0; j < jmax; j++)
            {
                tmp -= thetaLanes[j] * resid[l - j - 1];
            }
            resid[l] = tmp;
            Vector256<double> counted = Vector256.Equals(tmp, tmp);
            count += Vector256<double>.One & counted;
            ssq += (tmp * tmp) & counted;
        }
        Finish(ssq, count, result);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpToSecondOrder(double[] w, int length, double[][] phi, double[][] theta, int p, int q, Span<double> result)
    {
        Vector256<double> phi0 = Lane(phi, 0), phi1 = Lane(phi, 1), theta0 = Lane(theta, 0), theta1 = Lane(theta, 1);
        int ncond = p;
        Vector256<double> w1 = ncond >= 1 ? Vector256.Create(w.AsSpan(Lanes * (ncond - 1), Lanes)) : Vector256<double>.Zero;
        Vector256<double> w2 = ncond >= 2 ? Vector256.Create(w.AsSpan(Lanes * (ncond - 2), Lanes)) : Vector256<double>.Zero;
        Vector256<double> r1 = Vector256<double>.Zero, r2 = Vector256<double>.Zero;
        Vector256<double> ssq = Vector256<double>.Zero, count = Vector256<double>.Zero;
        for (int l = ncond; l < length; l++)
        {
            Vector256<double> wl = Vector256.Create(w.AsSpan(Lanes * l, Lanes));
            Vector256<double> tmp = wl;
            tmp -= phi0 * w1;
            tmp -= phi1 * w2;
            tmp -= theta0 * r1;
            tmp -= theta1 * r2;
            // Counted unless NaN (a NaN never equals itself).
            Vector256<double> counted = Vector256.Equals(tmp, tmp);
            count += Vector256<double>.One & counted;
            ssq += (tmp * tmp) & counted;
            (w2, w1, r2, r1) = (w1, wl, r1, tmp);
        }
        Finish(ssq, count, result);
    }

    private static void Finish(Vector256<double> ssq, Vector256<double> count, Span<double> result)
    {
        for (int k = 0; k < Lanes; k++)
        {
            result[k] = ssq[k] / (int)count[k];
        }
    }

    /// <summary>Coefficient j of each lane, zero beyond the order (as the scalar sum pads).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Lane(double[][] values, int j) =>
        j < values[0].Length ? SmallArmaFilterLanes.Gather(values, j) : Vector256<double>.Zero;
}
