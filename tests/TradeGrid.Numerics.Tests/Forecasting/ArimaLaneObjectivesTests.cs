using System.Runtime.Intrinsics;
using TradeGrid.Numerics.Forecasting.Arima;
using TradeGrid.Numerics.Forecasting.Internal;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// The ARIMA criteria evaluated four points at a time in vector lanes (for the optimiser's gradients) against the
/// scalar criteria the optimiser evaluates one point at a time: equal to the bit, for every order auto.arima can try
/// (p, q ≤ 5: the small and the general filter, the second-order and the general CSS loop), with and without a drift
/// regressor, at point counts that are not multiples of four, at points far apart (lanes whose covariances converge at
/// different steps) and at the close points of a finite-difference gradient.
/// </summary>
public sealed class ArimaLaneObjectivesTests
{
    public static IEnumerable<object[]> Orders =>
        from p in Enumerable.Range(0, 6)
        from q in Enumerable.Range(0, 6)
        where p + q > 0
        from drift in new[] { false, true }
        select new object[] { p, q, drift };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Lanes_give_the_scalar_criteria_to_the_bit(int p, int q, bool drift)
    {
        var random = new Random(100 * p + 10 * q + (drift ? 1 : 0));
        int n = 12 + random.Next(30);
        double[] x = Enumerable.Range(0, n).Select(t => 0.05 * t + random.NextDouble() - 0.5).ToArray();
        double[]? xreg = drift ? Enumerable.Range(1, n).Select(t => (double)t).ToArray() : null;
        int k = p + q + (drift ? 1 : 0);
        // Far apart: coefficients drawn anew (AR part transformed, so any value is stationary); close: ±1e-3 around one.
        var points = new List<double[]>();
        for (int i = 0; i < 5; i++)
        {
            points.Add(Enumerable.Range(0, k).Select(j => j < p + q ? 1.6 * random.NextDouble() - 0.8 : 0.05 + 0.01 * random.NextDouble()).ToArray());
        }
        for (int i = 0; i < 2 * k; i++)
        {
            double[] near = (double[])points[0].Clone();
            near[i / 2] += i % 2 == 0 ? 1e-3 : -1e-3;
            points.Add(near);
        }

        if (!Vector256.IsHardwareAccelerated)
        {
            // No 256-bit vectors: no batch, and the optimiser evaluates one point at a time.
            Assert.Null(ArimaLaneObjectives.Css(x, xreg, p, q));
            Assert.Null(ArimaLaneObjectives.Likelihood(x, xreg, p, q));
            return;
        }
        BatchObjective css = ArimaLaneObjectives.Css(x, xreg, p, q)!;
        BatchObjective likelihood = ArimaLaneObjectives.Likelihood(x, xreg, p, q)!;
        var cssValues = new double[points.Count];
        var likelihoodValues = new double[points.Count];
        css(points.ToArray(), points.Count, cssValues);
        likelihood(points.ToArray(), points.Count, likelihoodValues);

        for (int i = 0; i < points.Count; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(ScalarCss(x, xreg, points[i], p, q)), BitConverter.DoubleToInt64Bits(cssValues[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(ScalarLikelihood(x, xreg, points[i], p, q)), BitConverter.DoubleToInt64Bits(likelihoodValues[i]));
        }
    }

    [Fact]
    public void Optimiser_stops_at_the_same_point_with_a_batch_as_without()
    {
        // Rosenbrock's valley, scaled: many iterations, every gradient from the 2n-point batch.
        Func<double[], double> f = v => 100.0 * Math.Pow(v[1] - v[0] * v[0], 2) + Math.Pow(1.0 - v[0], 2) + 0.1 * Math.Pow(v[2] - 0.5, 2);
        BatchObjective batch = (points, count, values) =>
        {
            for (int i = 0; i < count; i++)
            {
                values[i] = f(points[i]);
            }
        };
        double[] start = [-1.2, 1.0, 3.0];
        double[] scale = [1.0, 2.0, 0.5];

        (double[] single, double singleValue, bool singleConverged) = Bfgs.Minimize(f, start, scale);
        (double[] batched, double batchedValue, bool batchedConverged) = Bfgs.Minimize(f, start, scale, batch: batch);

        Assert.Equal(single, batched);
        Assert.Equal(BitConverter.DoubleToInt64Bits(singleValue), BitConverter.DoubleToInt64Bits(batchedValue));
        Assert.Equal(singleConverged, batchedConverged);
        Assert.Equal(Bfgs.Hessian(f, single, scale), Bfgs.Hessian(f, single, scale, batch));
    }

    /// <summary>ArimaEstimator's CSS criterion at one point: 0.5·log of ARIMA_CSS on the series less the regression.</summary>
    private static double ScalarCss(double[] x, double[]? xreg, double[] par, int p, int q)
    {
        double[] w = x.Select((v, t) => xreg is null ? v : v - xreg[t] * par[p + q]).ToArray();
        return 0.5 * Math.Log(ArimaCss.OnDifferenced(w, par.AsSpan(0, p), par.AsSpan(p, q), p, new double[w.Length]));
    }

    /// <summary>ArimaEstimator's likelihood criterion (armafn) at one point, through the scalar filter.</summary>
    private static double ScalarLikelihood(double[] x, double[]? xreg, double[] par, int p, int q)
    {
        var filter = new ArmaFilter(p, q);
        filter.Reset(ArimaTransforms.ToAr(par.AsSpan(0, p)), par.AsSpan(p, q));
        double[] w = x.Select((v, t) => xreg is null ? v : v - xreg[t] * par[p + q]).ToArray();
        (double ssq, double sumLog, int count) = filter.Likelihood(w);
        return 0.5 * (Math.Log(ssq / count) + sumLog / count);
    }
}
