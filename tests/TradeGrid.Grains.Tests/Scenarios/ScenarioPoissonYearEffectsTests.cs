using System.Globalization;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Tests.Scenarios;

/// <summary>
/// Scenarios over PPML fits with year effects alone and with economy and year effects, through the grains on two silos:
/// the year effects the coordinator's rounds gather, each economy's own effect and its baseline and scenario equal the
/// one-process numerics (<see cref="PoissonYearEffects"/> over <see cref="PoissonYearSums"/>, <see cref="EconomyEffect"/>,
/// <see cref="ScenarioPropagation"/>; checked against R's glm() in the numerics' tests) at the fit's own slopes. The
/// panel is unbalanced with zeros in y; one economy's y is 0 in every year: with economy effects it has no effect of its
/// own and is skipped with that reason, with year effects alone its zeros are ordinary rows and it is projected.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ScenarioPoissonYearEffectsTests(TwoSiloCluster cluster)
{
    // The same sums in the same order in the grains and here; what differs is where each exp() runs.
    private const double Tolerance = 1e-10;
    private const int First = 1998;
    private const int Last = 2011;
    private const string AllZero = "PYH";
    private static readonly YearEffectsPanel Panel = new("PY", TransformKind.Level, Last);

    [Theory]
    [InlineData(EffectsKind.TwoWay)]
    [InlineData(EffectsKind.Year)]
    public async Task Projection_with_the_last_year_effect_held_equals_the_one_process_numerics(EffectsKind effects)
    {
        await Panel.SeedOnceAsync(cluster, Levels());
        bool entity = effects == EffectsKind.TwoWay;
        DesignSpec spec = Panel.Spec(effects, EstimatorKind.Ppml);
        FitOutcome fit = await cluster.Grains.FitCoordinator(spec.FitId()).Fit(spec, 1_000_000);
        double[] slopes = fit.Statistics.Coefficients;
        var coordinator = new ScenarioCoordinator(cluster.Grains);

        ScenarioPlan plan = await coordinator.PlanAsync(Panel.Request(fit.FitId), CancellationToken.None);
        ScenarioResultRecord result = await coordinator.RunAsync(plan, NullScenarioSink.Instance, CancellationToken.None);

        (double[] x, double[] y, string[] economies, int[] years) = Levels();
        Assert.True(y.Where((v, i) => v == 0.0 && economies[i] != AllZero).Count() >= 20, "the panel has zeros besides the all-zero economy's");
        int[] sampleYears = years.Distinct().Order().ToArray();
        string[] codes = Panel.Codes();
        var rounds = new PoissonYearEffects(sampleYears, entity);
        while (!rounds.Converged)
        {
            rounds.Add(codes.Select(code =>
            {
                int[] rows = RowsOf(economies, code);
                return PoissonYearSums.Of(Design(x, rows), Take(y, rows), Take(years, rows), slopes, sampleYears, rounds.Lambda, entity);
            }).ToArray());
        }

        YearEffects yearEffects = rounds.Effects;
        Assert.Equal(Last, plan.Model.YearEffects!.HeldYear);
        Assert.Contains($"held at the last sample year's estimated effect ({Last.ToString(CultureInfo.InvariantCulture)}", plan.Model.EffectsRule);
        Assert.Contains(entity ? "alternating score rounds" : "ln(Σy / Σexp(x'b))", plan.Model.EffectsRule);
        for (int t = 0; t < sampleYears.Length; t++)
        {
            AssertClose(yearEffects.Values[t], plan.Model.YearEffectValues[t], $"{effects}: year effect {sampleYears[t]}");
        }

        var prediction = new PredictionModel(slopes, fit.Statistics.Covariance, double.NaN, double.PositiveInfinity, ResponseScale.PoissonMean);
        var model = new ScenarioModel(prediction, [0], [DriverTransform.Log], Drivers: 1);
        int[] projected = Enumerable.Range(plan.FirstYear, plan.Horizon).ToArray();
        foreach (string code in codes)
        {
            ScenarioSeriesRecord grain = result.Economies.Single(e => e.Economy == code);
            if (entity && code == AllZero)
            {
                Assert.Contains("Every value of the dependent is 0 for this economy", grain.Skipped);
                continue;
            }

            ScenarioEconomyJob job = ScenarioEconomyJob.Of(plan, code);
            int[] rows = RowsOf(economies, code);
            double own = entity ? EconomyEffect.Poisson(Design(x, rows), Take(y, rows), slopes, yearEffects.OfRows(Take(years, rows))) : 0.0;
            ShockPlan[] shocks = job.Shocks.Select(s => new ShockPlan(s.Driver, s.ToShock(), projected.Select(yr => s.Targets.Any(t => t.Holds(yr))).ToArray())).ToArray();
            var input = new EconomyScenarioInput(projected, [Panel.Given(code)], shocks, own + yearEffects.Held, [null], RandomStream.KeyOf(code));
            (double[] baseline, double[] scenario) = ScenarioPropagation.Project(model, input);

            Assert.Equal(string.Empty, grain.Skipped);
            for (int h = 0; h < projected.Length; h++)
            {
                AssertClose(baseline[h], grain.Baseline[h], $"{effects} {code} {projected[h]}: baseline");
                AssertClose(scenario[h], grain.Scenario[h], $"{effects} {code} {projected[h]}: scenario");
            }
        }
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= Tolerance * Math.Max(1e-3, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    private static int[] RowsOf(string[] economies, string code) => Enumerable.Range(0, economies.Length).Where(i => economies[i] == code).ToArray();

    private static T[] Take<T>(T[] values, int[] rows) => rows.Select(i => values[i]).ToArray();

    /// <summary>The fit's design for some rows: log(py_x).</summary>
    private static double[,] Design(double[] x, int[] rows)
    {
        var design = new double[rows.Length, 1];
        for (int i = 0; i < rows.Length; i++)
        {
            design[i, 0] = Math.Log(x[rows[i]]);
        }

        return design;
    }

    /// <summary>The panel's levels, as imported ("R" text round-trips a double exactly): unbalanced, y a count with zeros.</summary>
    private static (double[] X, double[] Y, string[] Economies, int[] Years) Levels()
    {
        var random = new Random(31);
        double[] lambda = Enumerable.Range(First, Last - First + 1).Select(_ => 0.4 * random.NextDouble()).ToArray();
        var xs = new List<double>();
        var ys = new List<double>();
        var economies = new List<string>();
        var years = new List<int>();
        foreach (string code in Panel.Codes())
        {
            double effect = random.NextDouble() - 0.5;
            for (int t = First; t <= Last; t++)
            {
                double x = 0.5 + (3.0 * random.NextDouble());
                double mu = Math.Exp(effect + lambda[t - First] + (0.8 * Math.Log(x)));
                // A count of about mu (0.35–6.5): 0 in about a third of the rows, and in every row of AllZero.
                double y = code == AllZero ? 0.0 : Math.Floor(mu * 1.5 * random.NextDouble());
                // Unbalanced: every fifth economy-year is missing (never the last year: the data end there for everyone).
                if ((t + code[2]) % 5 == 0 && t != Last)
                {
                    continue;
                }

                xs.Add(x);
                ys.Add(y);
                economies.Add(code);
                years.Add(t);
            }
        }

        return (xs.ToArray(), ys.ToArray(), economies.ToArray(), years.ToArray());
    }
}
