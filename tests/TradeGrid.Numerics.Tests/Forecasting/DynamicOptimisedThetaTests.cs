using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// The dynamic optimised Theta model has no implementation in Debian's R (forecast has thetaf only; the authors'
/// forecTheta is not packaged), so these tests check the properties the model is defined by instead of a fixture.
/// </summary>
public sealed class DynamicOptimisedThetaTests
{
    // Closed-form identities evaluated by recursions: rounding only.
    private const double IdentityTolerance = 1e-10;

    // A straight line is continued only as far as Nelder–Mead drives the squared error to zero (its relative
    // tolerance is sqrt(eps) on a sum of squares, so about 1e-4 on the errors themselves).
    private const double LineTolerance = 1e-3;

    private static readonly double[] Levels = [80, 95];

    [Fact]
    public void Theta_one_is_simple_exponential_smoothing()
    {
        double[] y = [3.0, 5.5, 4.0, 8.0, 9.5, 9.0, 12.0, 15.5];
        const double alpha = 0.4;
        const double ell0 = 2.0;
        var mu = new double[y.Length + 1];

        DynamicOptimisedThetaForecaster.Run(y, ell0, alpha, 1.0, mu);

        double level = ell0;
        for (int t = 0; t < y.Length; t++)
        {
            level = alpha * y[t] + (1 - alpha) * level;
            AssertClose.Relative(level, mu[t + 1], IdentityTolerance, $"μ_{t + 2} is the SES level after y_{t + 1}");
        }
    }

    [Fact]
    public void Dynamic_intercept_and_slope_are_the_least_squares_line_so_far()
    {
        double[] y = [3.0, 5.5, 4.0, 8.0, 9.5, 9.0, 12.0, 15.5];
        const double alpha = 0.3;
        const double theta = 2.5;
        var mu = new double[y.Length + 1];

        DynamicOptimisedThetaForecaster.Run(y, 1.0, alpha, theta, mu);

        // μ_{t+1} = ℓ_t + (1 − 1/θ)(A_t(1 − α)^t + B_t(1 − (1 − α)^{t+1})/α) with A_t, B_t fitted by least squares
        // to y_1..y_t directly (t ≥ 2; at t = 1 the model starts from A_1 = y_1, B_1 = 0).
        double level = alpha * y[0] + (1 - alpha) * 1.0;
        for (int t = 2; t <= y.Length; t++)
        {
            level = alpha * y[t - 1] + (1 - alpha) * level;
            (double a, double b) = LeastSquares(y[..t]);
            double expected = level + (1 - 1 / theta) * (a * Math.Pow(1 - alpha, t) + b * (1 - Math.Pow(1 - alpha, t + 1)) / alpha);
            AssertClose.Relative(expected, mu[t], IdentityTolerance, $"μ_{t + 1}");
        }
    }

    [Fact]
    public void A_straight_line_is_continued()
    {
        double[] y = Enumerable.Range(1, 20).Select(t => 50.0 + 3.0 * t).ToArray();

        ForecastResult f = new DynamicOptimisedThetaForecaster().Forecast(y, 6, Levels);

        for (int h = 1; h <= 6; h++)
        {
            AssertClose.Relative(50.0 + 3.0 * (20 + h), f.Point[h - 1], LineTolerance, $"h={h}");
        }
    }

    [Fact]
    public void Estimates_stay_inside_forecthetas_bounds_and_intervals_widen()
    {
        double[] y = [100, 104, 103, 109, 115, 113, 120, 126, 124, 131, 138, 137, 145, 150];

        ForecastResult f = new DynamicOptimisedThetaForecaster().Forecast(y, 6, Levels);

        Assert.Equal(["ell0", "alpha", "theta"], f.ParameterNames);
        Assert.InRange(f.Parameters[1], 0.1, 0.99);
        Assert.True(f.Parameters[2] >= 1.0, $"theta {f.Parameters[2]} < 1");
        for (int h = 0; h < 6; h++)
        {
            double width95 = f.Upper[1][h] - f.Lower[1][h];
            double width80 = f.Upper[0][h] - f.Lower[0][h];
            AssertClose.Relative(f.Point[h], 0.5 * (f.Lower[1][h] + f.Upper[1][h]), IdentityTolerance, $"symmetric h={h + 1}");
            // Gaussian bounds: the 95% half-width is z(0.975)/z(0.9) times the 80% one.
            AssertClose.Relative(1.959963984540054 / 1.2815515655446004, width95 / width80, IdentityTolerance, $"level ratio h={h + 1}");
            if (h > 0)
            {
                Assert.True(width95 > f.Upper[1][h - 1] - f.Lower[1][h - 1], $"interval at h={h + 1} is not wider than at h={h}");
            }
        }
        // At h = 1 the error is one innovation: se = σ.
        AssertClose.Relative(Math.Sqrt(f.Sigma2) * 1.959963984540054, f.Upper[1][0] - f.Point[0], IdentityTolerance, "h=1 half-width");
    }

    [Fact]
    public void Too_short_a_series_is_refused_naming_the_minimum()
    {
        double[] y = [1, 2, 3, 4, 5];

        var ex = Assert.Throws<InsufficientDataException>(() => new DynamicOptimisedThetaForecaster().Forecast(y, 3, Levels));

        Assert.Contains("at least 6 observations", ex.Message, StringComparison.Ordinal);
    }

    private static (double Intercept, double Slope) LeastSquares(double[] y)
    {
        int n = y.Length;
        double meanT = (n + 1) / 2.0;
        double meanY = y.Average();
        double sxy = 0.0;
        double sxx = 0.0;
        for (int t = 1; t <= n; t++)
        {
            sxy += (t - meanT) * (y[t - 1] - meanY);
            sxx += (t - meanT) * (t - meanT);
        }
        double slope = sxy / sxx;
        return (meanY - slope * meanT, slope);
    }
}
