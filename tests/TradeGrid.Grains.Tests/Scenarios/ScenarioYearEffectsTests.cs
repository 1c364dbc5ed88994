using System.Globalization;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Tests.Scenarios;

/// <summary>
/// Scenarios over fits with year effects, through the grains on two silos: the year effects the coordinator gathers,
/// each economy's own effect and its baseline and scenario equal the one-process numerics on the same rows
/// (<see cref="FixedEffects.Fit"/>, <see cref="YearEffects.Recover"/>, <see cref="EconomyEffect"/>,
/// <see cref="ScenarioPropagation"/>; those are checked against R in the numerics' tests); an inline PPML fit with
/// two-way effects, once refused, is planned with its year effects (<see cref="ScenarioPoissonYearEffectsTests"/> checks
/// its numbers).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ScenarioYearEffectsTests(TwoSiloCluster cluster)
{
    // The grains' fit combines per-economy QR factors (tall-skinny QR); the one-process fit factors all rows at once.
    private const double Tolerance = 1e-10;
    private const int First = 1995;
    private const int Last = 2010;
    private static readonly YearEffectsPanel Panel = new("YE", TransformKind.Log, Last);

    [Theory]
    [InlineData(EffectsKind.TwoWay)]
    [InlineData(EffectsKind.Year)]
    public async Task Projection_with_the_last_year_effect_held_equals_the_one_process_numerics(EffectsKind effects)
    {
        await Panel.SeedOnceAsync(cluster, Levels());
        DesignSpec spec = Panel.Spec(effects, EstimatorKind.Ols);
        FitOutcome fit = await cluster.Grains.FitCoordinator(spec.FitId()).Fit(spec, 1_000_000);
        var coordinator = new ScenarioCoordinator(cluster.Grains);

        ScenarioPlan plan = await coordinator.PlanAsync(Panel.Request(fit.FitId), CancellationToken.None);
        ScenarioResultRecord result = await coordinator.RunAsync(plan, NullScenarioSink.Instance, CancellationToken.None);

        (double[,] x, double[] y, string[] economies, int[] years) = Rows();
        int[] sampleYears = years.Distinct().Order().ToArray();
        var panel = new PanelSpec(effects == EffectsKind.TwoWay, sampleYears);
        string[] codes = Panel.Codes();
        OlsFit local = FixedEffects.Fit(x, y, ["log(ye_x)"], economies.Select(e => Array.IndexOf(codes, e)).ToArray(), years, panel,
            new OlsOptions(CovarianceKind.Classical));
        YearMoments sum = YearMoments.Sum(codes.Select(code =>
        {
            int[] rows = RowsOf(economies, code);
            return FixedEffectsRounds.Moments(Block(x, rows), rows.Select(i => y[i]).ToArray(), new int[rows.Length], rows.Select(i => years[i]).ToArray(), panel);
        }).ToArray());
        YearEffects yearEffects = YearEffects.Recover(sum, local.Coefficients, sampleYears, new OlsOptions().CollinearityTolerance);

        Assert.Equal(Last, plan.Model.YearEffects!.HeldYear); // a model with year effects carries them
        Assert.Contains($"held at the last sample year's estimated effect ({Last.ToString(CultureInfo.InvariantCulture)}", plan.Model.EffectsRule);
        for (int t = 0; t < sampleYears.Length; t++)
        {
            AssertClose(yearEffects.Values[t], plan.Model.YearEffectValues[t], $"{effects}: year effect {sampleYears[t]}");
        }

        var prediction = new PredictionModel(local.Coefficients, local.Covariance, local.Sigma, local.ResidualDf, ResponseScale.Log, BiasCorrection.Normal);
        var model = new ScenarioModel(prediction, [0], [DriverTransform.Log], Drivers: 1);
        foreach (string code in codes)
        {
            ScenarioEconomyJob job = ScenarioEconomyJob.Of(plan, code);
            int[] rows = RowsOf(economies, code);
            double own = effects == EffectsKind.TwoWay
                ? EconomyEffect.Linear(Block(x, rows), rows.Select(i => y[i]).ToArray(), local.Coefficients, yearEffects.OfRows(rows.Select(i => years[i]).ToArray()))
                : 0.0;
            int[] projected = Enumerable.Range(plan.FirstYear, plan.Horizon).ToArray();
            ShockPlan[] shocks = job.Shocks.Select(s => new ShockPlan(s.Driver, s.ToShock(), projected.Select(yr => s.Targets.Any(t => t.Holds(yr))).ToArray())).ToArray();
            var input = new EconomyScenarioInput(projected, [Panel.Given(code)], shocks, own + yearEffects.Held, [null], RandomStream.KeyOf(code));
            (double[] baseline, double[] scenario) = ScenarioPropagation.Project(model, input);

            ScenarioSeriesRecord grain = result.Economies.Single(e => e.Economy == code);
            Assert.Equal(string.Empty, grain.Skipped);
            for (int h = 0; h < projected.Length; h++)
            {
                AssertClose(baseline[h], grain.Baseline[h], $"{effects} {code} {projected[h]}: baseline");
                AssertClose(scenario[h], grain.Scenario[h], $"{effects} {code} {projected[h]}: scenario");
            }
        }
    }

    [Fact]
    public async Task An_inline_ppml_fit_with_two_way_effects_is_planned_with_its_year_effects()
    {
        await Panel.SeedOnceAsync(cluster, Levels());
        DesignSpec spec = Panel.Spec(EffectsKind.TwoWay, EstimatorKind.Ppml);
        var request = Panel.Request("unused") with { FitId = string.Empty, Design = spec };

        ScenarioPlan plan = await new ScenarioCoordinator(cluster.Grains).PlanAsync(request, CancellationToken.None);

        Assert.Equal(Last - First + 1, plan.Model.EffectYears.Length);
        Assert.Equal(0.0, plan.Model.YearEffectValues[0]); // the first sample year is the reference
        Assert.Equal(Last, plan.Model.YearEffects!.HeldYear);
        Assert.Contains("net of the year effects", plan.Model.EffectsRule);
        Assert.Contains("alternating score rounds", plan.Model.EffectsRule);
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= Tolerance * Math.Max(1e-3, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    private static int[] RowsOf(string[] economies, string code) => Enumerable.Range(0, economies.Length).Where(i => economies[i] == code).ToArray();

    /// <summary>The panel's rows as the fit sees them: log(ye_x) and log(ye_y) per (economy, year), unbalanced.</summary>
    private static (double[,] X, double[] Y, string[] Economies, int[] Years) Rows()
    {
        (double[] x, double[] y, string[] economies, int[] years) = Levels();
        var design = new double[x.Length, 1];
        for (int i = 0; i < x.Length; i++)
        {
            design[i, 0] = Math.Log(x[i]);
        }

        return (design, y.Select(v => Math.Log(v)).ToArray(), economies, years);
    }

    /// <summary>The panel's levels, as imported ("R" text round-trips a double exactly).</summary>
    private static (double[] X, double[] Y, string[] Economies, int[] Years) Levels()
    {
        var random = new Random(23);
        double[] lambda = Enumerable.Range(First, Last - First + 1).Select(_ => 0.3 * random.NextDouble()).ToArray();
        var xs = new List<double>();
        var ys = new List<double>();
        var economies = new List<string>();
        var years = new List<int>();
        foreach (string code in Panel.Codes())
        {
            double effect = random.NextDouble();
            for (int t = First; t <= Last; t++)
            {
                double x = 1.0 + (2.0 * random.NextDouble());
                double y = Math.Exp(0.5 + effect + lambda[t - First] + (0.8 * Math.Log(x)) + (0.2 * (random.NextDouble() - 0.5)));
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

    private static double[,] Block(double[,] x, int[] rows)
    {
        var block = new double[rows.Length, 1];
        for (int i = 0; i < rows.Length; i++)
        {
            block[i, 0] = x[rows[i], 0];
        }

        return block;
    }
}
