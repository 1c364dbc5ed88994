using System.Text;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Numerics.Scenarios;
using static TradeGrid.Grains.Tests.Scenarios.Bilateral.BilateralScenarioData;

namespace TradeGrid.Grains.Tests.Scenarios.Bilateral;

/// <summary>
/// A seeded Monte Carlo bilateral scenario on two silos: run twice, every pair's and aggregate's numbers are identical
/// bytes, and they equal the single-process numerics (<see cref="PathSimulator"/>, <see cref="ScenarioSummary"/>) on
/// the pairs' inputs (each driver's given path from its side's economy, the pair's streams keyed by reporter and
/// partner), the world summed over the pairs in the plan's order. 2,000 paths in chunks of 1,024: two per pair.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BilateralScenarioDeterminismTests(TwoSiloCluster cluster)
{
    private const int Paths = 2000;
    private const int ChunkPaths = 1024;

    [Fact]
    public async Task Same_seed_gives_identical_bytes_on_two_silos_and_in_one_process()
    {
        await SeedOnceAsync(cluster.Grains);
        DesignSpec spec = Spec(EstimatorKind.Ols);
        FitOutcome fit = await cluster.Grains.FitCoordinator(spec.FitId()).Fit(spec, 1_000_000);
        var coordinator = new ScenarioCoordinator(cluster.Grains, ChunkPaths * 3);

        ScenarioPlan plan1 = await coordinator.PlanAsync(Request(fit.FitId, Paths, seed: 4242), CancellationToken.None);
        ScenarioResultRecord first = await coordinator.RunAsync(plan1, NullScenarioSink.Instance, CancellationToken.None);
        ScenarioPlan plan2 = await coordinator.PlanAsync(Request(fit.FitId, Paths, seed: 4242), CancellationToken.None);
        ScenarioResultRecord second = await coordinator.RunAsync(plan2, NullScenarioSink.Instance, CancellationToken.None);

        Assert.Equal(ChunkPaths, coordinator.ChunkPaths(plan1.Horizon));
        Assert.Equal(Bytes(first), Bytes(second));
        Assert.Equal(8, first.Economies.Count(e => e.Skipped.Length == 0 && e.BaselinePaths.Length == plan1.Horizon));
        Assert.Equal(2, cluster.Cluster.GetActiveSilos().Count());

        ScenarioModel model = plan1.Model.ToModel();
        int horizon = plan1.Horizon;
        var worldBaseline = new double[Paths * horizon];
        var worldScenario = new double[Paths * horizon];
        var options = new SimulationOptions(plan1.Seed, false, true, false);
        foreach ((string reporter, string partner) in plan1.Units())
        {
            EconomyScenarioInput input = Input(plan1, reporter, partner);
            PathColumns columns = PathColumns.Zeros(horizon, Paths);
            PathSimulator.Simulate(model, plan1.Model.Factor, input, options, 0, Paths, columns);
            (double[] b, double[] s) = columns.ToRows();
            ScenarioSummary.AddInto(worldBaseline, b);
            ScenarioSummary.AddInto(worldScenario, s);
            var (db, ds, dd) = ScenarioSummary.Of(PathColumns.FromRows(b, s, horizon), plan1.Quantiles);
            ScenarioSeriesRecord grain = first.Economies.Single(e => e.Economy == reporter && e.Partner == partner);
            Assert.Equal(db.SelectMany(d => d.Quantiles.Append(d.Mean).Append(d.Sd)), grain.BaselinePaths.SelectMany(d => d.Quantiles.Append(d.Mean).Append(d.Sd)));
            Assert.Equal(ds.SelectMany(d => d.Quantiles), grain.ScenarioPaths.SelectMany(d => d.Quantiles));
            Assert.Equal(dd.SelectMany(d => d.Quantiles), grain.DifferencePaths.SelectMany(d => d.Quantiles));
        }

        var (wb, ws, wd) = ScenarioSummary.Of(PathColumns.FromRows(worldBaseline, worldScenario, horizon), plan1.Quantiles);
        ScenarioSeriesRecord world = first.Aggregates.Single(a => a.Economy == "WLD");
        Assert.Equal(wb.SelectMany(d => d.Quantiles), world.BaselinePaths.SelectMany(d => d.Quantiles));
        Assert.Equal(ws.SelectMany(d => d.Quantiles), world.ScenarioPaths.SelectMany(d => d.Quantiles));
        Assert.Equal(wd.SelectMany(d => d.Quantiles), world.DifferencePaths.SelectMany(d => d.Quantiles));
        Assert.True(first.Aggregates.Single(a => a.Economy == Group).DifferencePaths[0].Quantiles[1] > 0.0,
            "+10% openness of the grouped partners, with a positive coefficient, raises exports to them");
    }

    /// <summary>A pair's input built here: each driver's given path of the economy on its side, the shocks that reach the pair.</summary>
    private static EconomyScenarioInput Input(ScenarioPlan plan, string reporter, string partner)
    {
        int[] years = Enumerable.Range(plan.FirstYear, plan.Horizon).ToArray();
        ScenarioModelRecord m = plan.Model;
        double[][] baseline = Enumerable.Range(0, m.Drivers.Length)
            .Select(j => plan.Given.Single(g => g.Driver == j && g.Economy == (m.IsPartnerDriver(j) ? partner : reporter)).Values).ToArray();
        ShockPlan[] shocks = plan.Shocks
            .Select(s => new ShockPlan(s.Driver, s.ToShock(), years.Select(_ => s.Targets.Any(t => t.Economy == (m.IsPartnerDriver(s.Driver) ? partner : reporter))).ToArray()))
            .ToArray();
        return new EconomyScenarioInput(years, baseline, shocks, 0.0, new DriverErrorModel?[m.Drivers.Length], RandomStream.PairKeyOf(reporter, partner));
    }

    private static byte[] Bytes(ScenarioResultRecord r)
    {
        var bytes = new List<byte>();
        foreach (ScenarioSeriesRecord s in r.Economies.Concat(r.Aggregates))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(s.Unit));
            foreach (double v in s.Baseline.Concat(s.Scenario)
                .Concat(s.BaselinePaths.Concat(s.ScenarioPaths).Concat(s.DifferencePaths).SelectMany(d => d.Quantiles.Append(d.Mean).Append(d.Sd))))
            {
                bytes.AddRange(BitConverter.GetBytes(v));
            }
        }

        return bytes.ToArray();
    }
}
