using MathNet.Numerics.Distributions;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Numerics.Tests.Scenarios;

/// <summary>
/// Monte Carlo paths against the analytic distribution. A linear model y = b0 + b1·x with normal coefficient draws
/// and normal residual noise, x known: y ~ N(b0 + b1·x, x'Vx + σ²). A driver with forecast standard errors σ_h and
/// y = x: y_h ~ N(x_h, σ_h²). With n = <see cref="Paths"/> paths the sample quantile of probability p has standard error
/// √(p(1 − p)/n) / φ(z_p) · sd (its asymptotic normal law), the mean sd/√n and the SD about sd/√(2(n − 1)); each is
/// checked within <see cref="Bound"/> standard errors (a two-sided normal tail of 7·10⁻⁶ per check).
/// </summary>
public sealed class MonteCarloAgainstTheoryTests
{
    private const int Paths = 40_000;
    private const double Bound = 4.5;
    private static readonly double[] Probabilities = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

    [Fact]
    public void Coefficient_and_residual_draws_give_the_prediction_distribution()
    {
        double[] beta = [1.5, 0.8];
        double[] v = [0.04, -0.01, -0.01, 0.01];
        const double sigma = 0.3;
        var prediction = new PredictionModel(beta, v, sigma, 50, ResponseScale.Level, BiasCorrection.None);
        var model = new ScenarioModel(prediction, [-1, 0], [DriverTransform.Level, DriverTransform.Level], Drivers: 1);
        double[] x = [2.0, 3.0];
        var input = new EconomyScenarioInput([2030, 2031], [x], [], 0.0, [null], RandomStream.KeyOf("AAA"));

        (double[] baseline, _) = Simulate(model, input, new SimulationOptions(11, false, ResidualNoise: true, Bootstrap: false));

        for (int h = 0; h < 2; h++)
        {
            double mean = beta[0] + beta[1] * x[h];
            double variance = v[0] + 2 * v[1] * x[h] + v[3] * x[h] * x[h] + sigma * sigma;
            CheckNormal(baseline, 2, h, mean, Math.Sqrt(variance));
        }
    }

    [Fact]
    public void Driver_errors_have_the_forecasts_standard_error_each_year()
    {
        var prediction = new PredictionModel([0.0, 1.0], [0, 0, 0, 0], 0.1, 50, ResponseScale.Level, BiasCorrection.None);
        var model = new ScenarioModel(prediction, [-1, 0], [DriverTransform.Level, DriverTransform.Level], Drivers: 1);
        double[] sigmas = [1.0, 2.0, 3.0];
        double[] x = [10.0, 11.0, 12.0];
        var input = new EconomyScenarioInput([2030, 2031, 2032], [x], [], 0.0, [DriverErrorModel.FromSigmas(sigmas, null)], RandomStream.KeyOf("AAA"));

        (double[] baseline, _) = Simulate(model, input, new SimulationOptions(5, false, false, false));

        for (int h = 0; h < 3; h++)
        {
            CheckNormal(baseline, 3, h, x[h], sigmas[h]);
        }
    }

    private static (double[] Baseline, double[] Scenario) Simulate(ScenarioModel model, EconomyScenarioInput input, SimulationOptions options)
    {
        return PathSimulator.Simulate(model, CoefficientSampler.Factor(model.Prediction.Covariance, model.Parameters), input, options, 0, Paths).ToRows();
    }

    private static void CheckNormal(double[] block, int years, int h, double mean, double sd)
    {
        PathDistribution d = ExactQuantiles.DistributionInPlace(Enumerable.Range(0, Paths).Select(p => block[p * years + h]).ToArray(), Probabilities);
        double seMean = sd / Math.Sqrt(Paths);
        Assert.InRange(d.Mean, mean - Bound * seMean, mean + Bound * seMean);
        double seSd = sd / Math.Sqrt(2.0 * (Paths - 1));
        Assert.InRange(d.Sd, sd - Bound * seSd, sd + Bound * seSd);
        for (int q = 0; q < Probabilities.Length; q++)
        {
            double p = Probabilities[q];
            double z = Normal.InvCDF(0, 1, p);
            double expected = mean + z * sd;
            double se = Math.Sqrt(p * (1 - p) / Paths) / Normal.PDF(0, 1, z) * sd;
            Assert.InRange(d.Quantiles[q], expected - Bound * se, expected + Bound * se);
        }
    }
}
