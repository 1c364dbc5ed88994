using TradeGrid.Numerics.Forecasting.Arima;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// The ARIMA optimiser's likelihood (ArmaFilter, with its small-state path for max(p, q + 1) ≤ 3) against R's
/// general filter as ported in ArimaStateSpace, on a stationary ARMA model with no differences: the same sums.
/// </summary>
public sealed class ArmaFilterTests
{
    // ArmaFilter holds the gain once the covariance moves by less than 1e-9 and sums log F by products; over 40
    // steps the sums may differ from the general filter's by a few 1e-9 relative, not more.
    private const double SumTolerance = 1e-7;

    public static IEnumerable<object[]> Orders =>
    [
        [0, 0], [1, 0], [0, 1], [1, 1], [2, 0], [2, 1], [0, 2], [1, 2], [2, 2], [3, 0],
        [3, 1], [1, 3], [3, 2], [2, 3], [4, 2], [3, 4], [5, 5],
    ];

    [Theory]
    [MemberData(nameof(Orders))]
    public void Likelihood_sums_match_the_general_filter(int p, int q)
    {
        // Coefficients well inside the stationary and invertible regions, different for every order.
        double[] phi = Enumerable.Range(1, p).Select(i => 0.5 / (i + 1) * (i % 2 == 0 ? -1 : 1)).ToArray();
        double[] theta = Enumerable.Range(1, q).Select(i => 0.6 / i * (i % 2 == 0 ? 1 : -1)).ToArray();
        var random = new Random(17 * p + q);
        double[] w = Enumerable.Range(0, 40).Select(_ => random.NextDouble() * 4.0 - 2.0).ToArray();
        var filter = new ArmaFilter(p, q);
        filter.Reset(phi, theta);
        var general = new ArimaStateSpace(p, q, []);
        general.Reset(phi, theta);

        (double ssq, double sumLog, int count) = filter.Likelihood(w);
        (double ssqGeneral, double sumLogGeneral, int countGeneral) = general.Filter(w, default);

        Assert.Equal(countGeneral, count);
        Assert.True(Math.Abs(ssq / ssqGeneral - 1.0) <= SumTolerance, $"ssq {ssq:R} vs {ssqGeneral:R}");
        Assert.True(Math.Abs(sumLog - sumLogGeneral) <= SumTolerance * Math.Max(1.0, Math.Abs(sumLogGeneral)), $"sum log F {sumLog:R} vs {sumLogGeneral:R}");
        Assert.True(sumLogGeneral > 0.0 || p + q == 0, "the prediction variances exceed the innovation variance early on");
    }
}
