using System.Runtime.Intrinsics;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Forecasting.Arima;

/// <summary>
/// The ARIMA fit's two criteria (CSS, and the stationary ARMA likelihood) at several points per call, four at a time
/// in vector lanes (<see cref="ArimaCssLanes"/>, <see cref="ArmaFilterLanes"/>), for the optimiser's gradients.
/// Each value is what <see cref="ArimaEstimator"/>'s single-point criterion returns at that point, to the bit. A
/// machine without 256-bit vectors gets no batch (null), and the optimiser evaluates one point at a time.
/// </summary>
internal static class ArimaLaneObjectives
{
    private const int Lanes = SmallArmaFilterLanes.Lanes;

    /// <summary>0.5·log CSS at each point (par: φ, θ, then the regression coefficient when xreg is given).</summary>
    public static BatchObjective? Css(double[] x, double[]? xreg, int p, int q)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return null;
        }
        int n = x.Length;
        var w = new double[Lanes * n];
        double[][] phi = Enumerable.Range(0, Lanes).Select(_ => new double[p]).ToArray();
        double[][] theta = Enumerable.Range(0, Lanes).Select(_ => new double[q]).ToArray();
        var css = new double[Lanes];
        return (points, count, values) =>
        {
            for (int start = 0; start < count; start += Lanes)
            {
                for (int k = 0; k < Lanes; k++)
                {
                    // Lanes past the last point repeat it; their values are not used.
                    double[] par = points[Math.Min(start + k, count - 1)];
                    Interleave(x, xreg, xreg is null ? 0.0 : par[p + q], w, k);
                    Array.Copy(par, 0, phi[k], 0, p);
                    Array.Copy(par, p, theta[k], 0, q);
                }
                ArimaCssLanes.OnDifferenced(w, n, phi, theta, p, q, css);
                for (int k = 0; k < Lanes && start + k < count; k++)
                {
                    values[start + k] = 0.5 * Math.Log(css[k]);
                }
            }
        };
    }

    /// <summary>armafn at each point (AR part transformed), as ArimaEstimator's likelihood with its own filter per lane.</summary>
    public static BatchObjective? Likelihood(double[] x, double[]? xreg, int p, int q)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return null;
        }
        int n = x.Length;
        int r = Math.Max(p, q + 1);
        var w = new double[Lanes * n];
        ArmaFilter[] filters = Enumerable.Range(0, Lanes).Select(_ => new ArmaFilter(p, q)).ToArray();
        double[][] phi = filters.Select(f => f.PaddedPhi).ToArray();
        double[][] v = filters.Select(f => f.NoiseCovariance).ToArray();
        double[][] p0 = filters.Select(f => f.StationaryCovariance).ToArray();
        var ssq = new double[Lanes];
        var sumLog = new double[Lanes];
        var counts = new int[Lanes];
        return (points, count, values) =>
        {
            Span<double> ar = stackalloc double[p];
            for (int start = 0; start < count; start += Lanes)
            {
                for (int k = 0; k < Lanes; k++)
                {
                    double[] par = points[Math.Min(start + k, count - 1)];
                    ArimaTransforms.ToAr(par.AsSpan(0, p), ar);
                    filters[k].Reset(ar, par.AsSpan(p, q));
                    Interleave(x, xreg, xreg is null ? 0.0 : par[p + q], w, k);
                }
                ArmaFilterLanes.Likelihood(w, n, phi, v, p0, r, ssq, sumLog, counts);
                for (int k = 0; k < Lanes && start + k < count; k++)
                {
                    double s2 = ssq[k] / counts[k];
                    values[start + k] = 0.5 * (Math.Log(s2) + sumLog[k] / counts[k]);
                }
            }
        };
    }

    /// <summary>Lane k of w: x − β·xreg (x itself without a regressor), as ArimaEstimator removes the regression.</summary>
    private static void Interleave(double[] x, double[]? xreg, double beta, double[] w, int k)
    {
        for (int t = 0; t < x.Length; t++)
        {
            w[Lanes * t + k] = xreg is null ? x[t] : x[t] - xreg[t] * beta;
        }
    }
}
