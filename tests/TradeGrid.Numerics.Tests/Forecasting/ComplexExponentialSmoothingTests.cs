using TradeGrid.Domain;
using TradeGrid.Numerics.Forecasting;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Forecasting;

/// <summary>
/// Complex exponential smoothing has no implementation in Debian's R (the smooth package is not packaged), so these
/// tests check what the model is defined by: the state space recursion, its forecasts and intervals, admissibility,
/// and that simulated parameters are recovered.
/// </summary>
public sealed class ComplexExponentialSmoothingTests
{
    private const double IdentityTolerance = 1e-9;

    private static readonly double[] Levels = [80, 95];

    private static readonly double[] Pwt =
        [100.0, 104.2, 107.9, 109.1, 115.3, 119.8, 121.0, 127.7, 133.1, 134.0, 139.8, 146.5, 149.2, 151.0, 158.9, 164.2];

    [Fact]
    public void Forecasts_follow_the_transition_without_errors()
    {
        ForecastResult result = new ComplexExponentialSmoothingForecaster().Forecast(Pwt, 8, Levels);
        double a0 = result.Parameters[0], a1 = result.Parameters[1];

        // F = [[1, a₁ − 1], [1, 1 − a₀]]: by Cayley–Hamilton ŷ_{h+2} = tr(F)ŷ_{h+1} − det(F)ŷ_h.
        double trace = 2.0 - a0, determinant = 2.0 - a0 - a1;
        for (int h = 2; h < 8; h++)
        {
            double expected = trace * result.Point[h - 1] - determinant * result.Point[h - 2];
            AssertClose.Relative(expected, result.Point[h], IdentityTolerance, $"forecast {h + 1}");
        }
    }

    [Fact]
    public void Fitted_values_are_the_filter_s_one_step_predictions()
    {
        ForecastResult result = new ComplexExponentialSmoothingForecaster().Forecast(Pwt, 3, Levels);
        double a0 = result.Parameters[0], a1 = result.Parameters[1];
        double level = result.Parameters[2], potential = result.Parameters[3];
        double squares = 0.0;

        for (int t = 0; t < Pwt.Length; t++)
        {
            AssertClose.Relative(level, result.Fitted[t], IdentityTolerance, $"fit {t}");
            double e = Pwt[t] - level;
            squares += e * e;
            (level, potential) = (level + (a1 - 1) * potential + (a0 - a1) * e, level + (1 - a0) * potential + (a0 + a1) * e);
        }

        AssertClose.Relative(squares / (Pwt.Length - 5), result.Sigma2, IdentityTolerance, "σ²");
        AssertClose.Relative(level, result.Point[0], IdentityTolerance, "first forecast is the last level");
    }

    [Fact]
    public void Intervals_are_the_state_space_s()
    {
        ForecastResult result = new ComplexExponentialSmoothingForecaster().Forecast(Pwt, 4, Levels);
        double a0 = result.Parameters[0], a1 = result.Parameters[1];
        double sigma = Math.Sqrt(result.Sigma2);
        double z95 = 1.959963984540054;

        // ψ₁ = w'g = a₀ − a₁, ψ₂ = w'Fg = (a₀ − a₁) + (a₁ − 1)(a₀ + a₁).
        double psi1 = a0 - a1, psi2 = a0 - a1 + (a1 - 1) * (a0 + a1);
        double[] variance = [1.0, 1.0 + psi1 * psi1, 1.0 + psi1 * psi1 + psi2 * psi2];
        for (int h = 0; h < 3; h++)
        {
            AssertClose.Relative(result.Point[h] + z95 * sigma * Math.Sqrt(variance[h]), result.Upper[1][h], IdentityTolerance, $"upper 95 at {h + 1}");
            AssertClose.Relative(result.Point[h] - z95 * sigma * Math.Sqrt(variance[h]), result.Lower[1][h], IdentityTolerance, $"lower 95 at {h + 1}");
        }
    }

    [Fact]
    public void The_estimate_is_admissible_and_no_worse_than_the_start()
    {
        ForecastResult result = new ComplexExponentialSmoothingForecaster().Forecast(Pwt, 3, Levels);
        double mean = Pwt.Take(10).Average();
        var fitted = new double[Pwt.Length];

        double atStart = ComplexExponentialSmoothingForecaster.Run(Pwt, [1.3, 1.0, mean, mean / 1.1], fitted).Squares;
        double atEstimate = ComplexExponentialSmoothingForecaster.Run(Pwt, result.Parameters.ToArray(), fitted).Squares;

        Assert.True(ComplexExponentialSmoothingForecaster.LargestModulus(result.Parameters[0], result.Parameters[1]) <= 1.0);
        Assert.True(atEstimate < atStart, $"sum of squares {atEstimate} at the estimate, {atStart} at the start");
    }

    [Fact]
    public void The_discount_matrix_s_eigenvalues_decide_admissibility()
    {
        // D = F − gw' = [[1 − a₀ + a₁, a₁ − 1], [1 − a₀ − a₁, 1 − a₀]]; at a = 1 + i, D = [[1, 0], [−1, 0]]: eigenvalues 1 and 0.
        Assert.Equal(1.0, ComplexExponentialSmoothingForecaster.LargestModulus(1.0, 1.0), 12);
        // a = 1.3 + i (smooth's start): D = [[0.7, 0], [−1.3, −0.3]], eigenvalues 0.7 and −0.3.
        Assert.Equal(0.7, ComplexExponentialSmoothingForecaster.LargestModulus(1.3, 1.0), 12);
        // a = 2.5 + 0i: D = [[−1.5, −1], [−1.5, −1.5]], eigenvalues −1.5 ± 1.2247: outside.
        Assert.Equal(1.5 + Math.Sqrt(1.5), ComplexExponentialSmoothingForecaster.LargestModulus(2.5, 0.0), 12);
    }

    [Fact]
    public void Simulated_parameters_are_recovered()
    {
        const double a0 = 1.6, a1 = 0.9;
        var random = new Random(20261204);
        var y = new double[400];
        double level = 50.0, potential = 40.0;
        for (int t = 0; t < y.Length; t++)
        {
            double e = Gaussian(random);
            y[t] = level + e;
            (level, potential) = (level + (a1 - 1) * potential + (a0 - a1) * e, level + (1 - a0) * potential + (a0 + a1) * e);
        }

        ForecastResult result = new ComplexExponentialSmoothingForecaster().Forecast(y, 5, Levels);

        Assert.InRange(result.Parameters[0], a0 - 0.15, a0 + 0.15);
        Assert.InRange(result.Parameters[1], a1 - 0.15, a1 + 0.15);
        Assert.InRange(result.Sigma2, 0.8, 1.25);
    }

    [Fact]
    public void Too_short_a_series_is_refused_naming_the_minimum()
    {
        var ex = Assert.Throws<InsufficientDataException>(() => Forecaster.Forecast([1.0, 2.0, 3.5, 4.0, 4.4, 5.1], ForecastMethod.Ces, 3));

        Assert.Contains("7", ex.Message, StringComparison.Ordinal);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
