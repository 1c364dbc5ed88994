using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// Monte Carlo paths of one economy. Path p draws, each from its own counter-based stream:
/// the coefficients β_p ~ N(β, V) (<see cref="CoefficientSampler"/>; stream (seed, coefficients, p), the same draw for
/// every economy, so group sums carry the coefficients' correlation); each driver's forecast error
/// (<see cref="DriverErrorModel"/>; stream (seed, drivers, economy, p), or (seed, drivers, 0, p) shared by every economy
/// with common shocks); with residual noise, ε_h ~ N(0, σ²) on the link scale (stream (seed, residuals, economy, p)).
/// Baseline and scenario share every draw (common random numbers), so their difference carries only the shock's effect
/// under each draw. The shock applies to the simulated driver. Drivers with a log transform, and the weight, get their error
/// multiplicatively, x·exp(e/x), so they stay positive (first-order equal to x + e). Without residual noise a path is the
/// conditional mean (<see cref="Predictor.Point"/>, bias-corrected); with it, the inverse link of x'b + ε.
/// A path's numbers depend on (seed, economy, path) only: never on the chunk, thread or silo that computed them.
/// </summary>
public static class PathSimulator
{
    /// <summary>
    /// Paths [pathStart, pathStart + count) into baseline and scenario, row-major by [path − pathStart, year].
    /// factor is <see cref="CoefficientSampler.Factor"/> of the model's covariance.
    /// </summary>
    public static void Simulate(ScenarioModel model, double[] factor, EconomyScenarioInput input, SimulationOptions options,
        long pathStart, int count, Span<double> baseline, Span<double> scenario)
    {
        model.Validate();
        int k = model.Parameters;
        int drivers = model.Drivers;
        int horizon = input.Horizon;
        if (baseline.Length < count * horizon || scenario.Length < count * horizon)
        {
            throw new ArgumentException($"Buffers of {baseline.Length} and {scenario.Length} for {count} paths × {horizon} years.");
        }

        PredictionModel prediction = model.Prediction;
        double sigma = prediction.Sigma;
        bool noise = options.ResidualNoise && prediction.Scale != ResponseScale.PoissonMean && sigma > 0.0;
        bool[] multiplicative = new bool[drivers];
        if (model.WeightDriver >= 0)
        {
            multiplicative[model.WeightDriver] = true; // a weight (trade) is a positive level
        }

        for (int i = 0; i < model.Terms.Length; i++)
        {
            if (model.Terms[i] >= 0 && model.Transforms[i] == DriverTransform.Log)
            {
                multiplicative[model.Terms[i]] = true;
            }
        }

        Span<double> z = stackalloc double[k];
        Span<double> beta = stackalloc double[k];
        Span<double> b = stackalloc double[drivers];
        Span<double> s = stackalloc double[drivers];
        var errors = new double[drivers * horizon];
        var epsilon = new double[horizon];
        ulong driverKey = options.CommonShocks ? 0UL : input.Key;
        for (int p = 0; p < count; p++)
        {
            long path = pathStart + p;
            CoefficientSampler.Draw(prediction.Coefficients, factor, options.Seed, path, z, beta);
            DriverErrors(input, options, driverKey, path, drivers, horizon, errors);
            if (noise)
            {
                RandomStream r = RandomStream.For(options.Seed, StreamPurpose.Residuals, input.Key, path);
                for (int h = 0; h < horizon; h++)
                {
                    epsilon[h] = sigma * r.NextNormal();
                }
            }

            int row = p * horizon;
            for (int h = 0; h < horizon; h++)
            {
                for (int j = 0; j < drivers; j++)
                {
                    double x = input.Baseline[j][h];
                    double e = errors[j * horizon + h];
                    b[j] = e == 0.0 ? x : multiplicative[j] ? x * Math.Exp(e / x) : x + e;
                    s[j] = input.Shocked(j, h, b[j]);
                }

                double etaB = ScenarioPropagation.Link(model, beta, b, input.Effect);
                double etaS = ScenarioPropagation.Link(model, beta, s, input.Effect);
                baseline[row + h] = Level(prediction, etaB, noise, epsilon[h]) * ScenarioPropagation.Weight(model, b);
                scenario[row + h] = Level(prediction, etaS, noise, epsilon[h]) * ScenarioPropagation.Weight(model, s);
            }
        }
    }

    private static double Level(PredictionModel model, double eta, bool noise, double epsilon) =>
        noise ? Predictor.InverseLink(model.Scale, eta + epsilon) : Predictor.Point(model, eta);

    /// <summary>Every driver's error in every year of one path: J × H draws, always all of them, so the streams line up across economies and options.</summary>
    private static void DriverErrors(EconomyScenarioInput input, SimulationOptions options, ulong key, long path, int drivers, int horizon, double[] errors)
    {
        RandomStream r = RandomStream.For(options.Seed, StreamPurpose.Drivers, key, path);
        for (int j = 0; j < drivers; j++)
        {
            DriverErrorModel? m = input.Errors[j];
            double sum = 0.0;
            for (int h = 0; h < horizon; h++)
            {
                double u;
                if (options.Bootstrap && m is { Residuals.Length: > 0 })
                {
                    u = m.Residuals[r.NextInt(m.Residuals.Length)];
                }
                else if (options.Bootstrap)
                {
                    _ = r.NextInt(2); // keep the stream aligned with economies that bootstrap
                    u = 0.0;
                }
                else
                {
                    u = r.NextNormal();
                }

                if (m is not null)
                {
                    sum += m.Increments[h] * u;
                }

                errors[j * horizon + h] = m is null ? 0.0 : sum;
            }
        }
    }
}
