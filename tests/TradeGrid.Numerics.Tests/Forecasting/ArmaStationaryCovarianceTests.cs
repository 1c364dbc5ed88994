using TradeGrid.Numerics.Forecasting.Arima;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// The stationary covariance of the ARMA state (the symmetric solve, and the closed form for pure MA models) must
/// satisfy its defining equation P = TPT' + RR'.
/// </summary>
public sealed class ArmaStationaryCovarianceTests
{
    // A dense solve of at most 21 unknowns with entries of order 1: the equation holds to rounding.
    private const double EquationTolerance = 1e-12;

    public static IEnumerable<object[]> Models =>
    [
        [new double[] { 0.5 }, Array.Empty<double>()],
        [Array.Empty<double>(), new double[] { 0.4 }],
        [Array.Empty<double>(), new double[] { -0.7, 0.3 }],
        [Array.Empty<double>(), new double[] { 0.9, -0.5, 0.2, 0.1 }],
        [new double[] { 0.6, -0.2 }, new double[] { 0.3 }],
        [new double[] { 0.3, 0.2, -0.1 }, new double[] { -0.4, 0.2 }],
        [new double[] { 0.1, 0.1, 0.1, 0.1, 0.1 }, new double[] { 0.5, 0.4, 0.3, 0.2, 0.1 }],
    ];

    [Theory]
    [MemberData(nameof(Models))]
    public void Solution_satisfies_p_equals_t_p_t_prime_plus_r_r_prime(double[] phi, double[] theta)
    {
        int r = Math.Max(phi.Length, theta.Length + 1);
        var phiPadded = new double[r];
        phi.CopyTo(phiPadded, 0);
        var rVector = new double[r];
        rVector[0] = 1.0;
        theta.CopyTo(rVector, 1);
        var v = new double[r * r];
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < r; j++)
            {
                v[i * r + j] = rVector[i] * rVector[j];
            }
        }
        var p = new double[r * r];

        new ArmaStationaryCovariance(r).Solve(phiPadded, v, r, p, r);

        // T: φ in column 0, ones on the superdiagonal.
        double T(int i, int k) => (k == 0 ? phiPadded[i] : 0.0) + (k == i + 1 ? 1.0 : 0.0);
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < r; j++)
            {
                double tpt = 0.0;
                for (int k = 0; k < r; k++)
                {
                    for (int l = 0; l < r; l++)
                    {
                        tpt += T(i, k) * p[k * r + l] * T(j, l);
                    }
                }
                Assert.True(Math.Abs(p[i * r + j] - (tpt + v[i * r + j])) <= EquationTolerance, $"P[{i},{j}] = {p[i * r + j]:R}, TPT' + RR' = {tpt + v[i * r + j]:R}");
            }
        }
        Assert.True(p[0] >= 1.0, "the variance of the first state includes the innovation's");
    }
}
