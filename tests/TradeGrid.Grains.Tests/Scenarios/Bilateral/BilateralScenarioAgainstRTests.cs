using System.Text.Json;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Grains.Tests.Support;
using static TradeGrid.Grains.Tests.Scenarios.Bilateral.BilateralScenarioData;

namespace TradeGrid.Grains.Tests.Scenarios.Bilateral;

/// <summary>
/// A bilateral scenario through the grains on two silos against R: for pooled OLS on logs (normal bias correction) and
/// pooled PPML fitted on (reporter, partner, year) rows, every pair's baseline and scenario in every projected year
/// equal R's predict() on the shocked newdata of fixtures/scenarios/bilateral_propagation.R, and the aggregates (a
/// group of partners, each reporter's total, the world) equal the sums of R's pairs. The shocks reach pairs through
/// their sides: a partner's openness moves its pairs as partner; BXA's GDP moves BXA's pairs and BXB→BXA.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BilateralScenarioAgainstRTests(TwoSiloCluster cluster)
{
    // The same least-squares problem (tall-skinny QR against R's QR) and the Poisson likelihood solved to its floor on
    // both sides (glm's epsilon 1e-14): the predictions agree far below 1e-9.
    private const double RelativeTolerance = 1e-9;

    [Theory]
    [InlineData("ols-log-normal", EstimatorKind.Ols)]
    [InlineData("ppml", EstimatorKind.Ppml)]
    public async Task Every_pair_equals_r_predict_on_shocked_newdata(string name, EstimatorKind estimator)
    {
        await SeedOnceAsync(cluster.Grains);
        JsonElement expected = Case(name);
        DesignSpec spec = Spec(estimator);
        FitOutcome fit = await cluster.Grains.FitCoordinator(spec.FitId()).Fit(spec, 1_000_000);
        var coordinator = new ScenarioCoordinator(cluster.Grains);

        ScenarioPlan plan = await coordinator.PlanAsync(Request(fit.FitId, paths: 0, seed: 1), CancellationToken.None);
        ScenarioResultRecord result = await coordinator.RunAsync(plan, NullScenarioSink.Instance, CancellationToken.None);

        double[] beta = Doubles(expected.GetProperty("coefficients"));
        for (int j = 0; j < beta.Length; j++)
        {
            Close(beta[j], fit.Statistics.Coefficients[j], $"coefficient {j}");
        }

        Assert.Equal(estimator == EstimatorKind.Ols ? "normal" : string.Empty, plan.Correction);
        Assert.Equal(Economies, plan.Partners);
        Assert.Equal(8, result.Economies.Length);
        Assert.All(result.Economies, r => Assert.Equal(string.Empty, r.Skipped));
        JsonElement pairs = Fixture.GetProperty("pairs");
        string[] reporter = Strings(pairs.GetProperty("reporter")), partner = Strings(pairs.GetProperty("partner"));
        int[] year = Ints(pairs.GetProperty("year"));
        double[] baseline = Doubles(expected.GetProperty("baseline")), scenario = Doubles(expected.GetProperty("scenario"));
        var sums = new Dictionary<string, (double[] B, double[] S)>(StringComparer.Ordinal);
        for (int i = 0; i < reporter.Length; i++)
        {
            ScenarioSeriesRecord pair = result.Economies.Single(r => r.Economy == reporter[i] && r.Partner == partner[i]);
            int h = Array.IndexOf(pair.Years, year[i]);
            Close(baseline[i], pair.Baseline[h], $"{pair.Unit} {year[i]} baseline");
            Close(scenario[i], pair.Scenario[h], $"{pair.Unit} {year[i]} scenario");
            foreach (string a in new[] { "WLD", reporter[i] }.Concat(Grouped.Contains(partner[i]) ? [Group] : []))
            {
                (double[] b, double[] s) = sums.TryGetValue(a, out var v) ? v : (new double[pair.Years.Length], new double[pair.Years.Length]);
                b[h] += baseline[i];
                s[h] += scenario[i];
                sums[a] = (b, s);
            }
        }

        // A pair no shock reaches (BXB→BXE) is unchanged; BXB→BXA moves only from 2014, with BXA's GDP as partner.
        ScenarioSeriesRecord untouched = result.Economies.Single(r => r.Unit == "BXB→BXE");
        Assert.Equal(untouched.Baseline, untouched.Scenario);
        ScenarioSeriesRecord toA = result.Economies.Single(r => r.Unit == "BXB→BXA");
        Assert.Equal(toA.Baseline[0], toA.Scenario[0]);
        Assert.NotEqual(toA.Baseline[1], toA.Scenario[1]);

        Assert.Equal([Group, "BXA", "BXB", "WLD"], result.Aggregates.Select(a => a.Economy));
        foreach (ScenarioSeriesRecord a in result.Aggregates)
        {
            for (int h = 0; h < a.Years.Length; h++)
            {
                Close(sums[a.Economy].B[h], a.Baseline[h], $"{a.Economy} baseline {a.Years[h]}");
                Close(sums[a.Economy].S[h], a.Scenario[h], $"{a.Economy} scenario {a.Years[h]}");
            }
        }
    }

    private static void Close(double expected, double actual, string what)
    {
        double relative = Math.Abs(actual / expected - 1.0);
        Assert.True(relative <= RelativeTolerance, $"{what}: {actual:R} vs R's {expected:R} (relative {relative:G3})");
    }
}
