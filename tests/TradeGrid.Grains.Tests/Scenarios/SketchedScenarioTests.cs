using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Tests.Scenarios;

/// <summary>
/// Runs beyond the exact limit (set low here: 1,024 and 256 paths), on two silos: the economies' sketches and the
/// aggregates' block-by-block sketches give the same bytes whatever the chunks, equal to the numerics fed the same
/// paths in path order; the aggregates hold one block of summed paths whatever the paths (counted in the checkpoints);
/// a job resumed from a checkpoint between blocks (through the storage serializer) ends with the same bytes.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SketchedScenarioTests(TwoSiloCluster cluster)
{
    [Fact]
    public async Task Sketched_bytes_do_not_depend_on_the_chunks_and_equal_the_numerics()
    {
        const int paths = 3000;
        const int limit = 1024;
        ScenarioRequestSpec request = ScenarioDeterminismTests.Request(await ScenarioDeterminismTests.SeedOnceAsync(cluster)) with { Paths = paths };
        var big = new ScenarioCoordinator(cluster.Grains, 2048 * 5, limit);
        var small = new ScenarioCoordinator(cluster.Grains, 300 * 5, limit);

        ScenarioPlan plan = await big.PlanAsync(request, CancellationToken.None);
        ScenarioResultRecord first = await big.RunAsync(plan, NullScenarioSink.Instance, CancellationToken.None);
        ScenarioResultRecord second = await small.RunAsync(await small.PlanAsync(request, CancellationToken.None), NullScenarioSink.Instance, CancellationToken.None);

        Assert.Equal(ScenarioDeterminismTests.Bytes(first), ScenarioDeterminismTests.Bytes(second));

        // One process: each economy's paths into its summaries, their sums into the world's, in blocks of the limit.
        ScenarioModel model = plan.Model.ToModel();
        int horizon = plan.Horizon;
        var worldBaseline = new double[paths * horizon];
        var worldScenario = new double[paths * horizon];
        foreach (string code in plan.Economies)
        {
            PathColumns columns = PathColumns.Zeros(horizon, paths);
            PathSimulator.Simulate(model, plan.Model.Factor, ScenarioDeterminismTests.Input(plan, code), new SimulationOptions(plan.Seed, false, true, false), 0, paths, columns);
            (double[] b, double[] s) = columns.ToRows();
            ScenarioSummary.AddInto(worldBaseline, b);
            ScenarioSummary.AddInto(worldScenario, s);
            var economy = new PathSummaries(horizon, paths, limit);
            economy.Add(columns, paths);
            Assert.True(economy.RankErrorBound > 0, "sketched, not exact");
            Assert.Equal(Numbers(economy.Finish(plan.Quantiles)), Numbers(first.Economies.Single(e => e.Economy == code)));
        }

        var world = new PathSummaries(horizon, paths, limit);
        for (int at = 0; at < paths; at += limit)
        {
            int count = Math.Min(limit, paths - at);
            world.Add(PathColumns.FromRows(worldBaseline[(at * horizon)..((at + count) * horizon)], worldScenario[(at * horizon)..((at + count) * horizon)], horizon), count);
        }

        Assert.Equal(Numbers(world.Finish(plan.Quantiles)), Numbers(first.Aggregates.Single(a => a.Economy == "WLD")));
    }

    [Fact]
    public async Task Aggregates_hold_one_block_whatever_the_paths_and_a_resumed_job_ends_identical()
    {
        const int limit = 256;
        int k = PathSummaries.SketchLevel(limit);
        string fitId = await ScenarioDeterminismTests.SeedOnceAsync(cluster);
        var coordinator = new ScenarioCoordinator(cluster.Grains, 100 * 5, limit);
        // The primary silo of a TestCluster runs in this process.
        Serializer serializer = ((InProcessSiloHandle)cluster.Cluster.Primary!).SiloHost.Services.GetRequiredService<Serializer>();
        foreach (int multiple in new[] { 2, 4, 8 })
        {
            int paths = multiple * limit;
            ScenarioPlan plan = await coordinator.PlanAsync(ScenarioDeterminismTests.Request(fitId) with { Paths = paths }, CancellationToken.None);
            var sink = new Checkpoints();
            ScenarioResultRecord whole = await coordinator.RunAsync(plan, sink, CancellationToken.None);

            ScenarioCheckpoint last = sink.Saved[^1];
            Assert.Equal(multiple, last.Blocks);
            long levels = (long)Math.Floor(Math.Log2((double)paths / k)) + 2;
            foreach (AggregateSumsState a in last.Aggregates)
            {
                Assert.Equal(limit * plan.Horizon, a.PathBaseline.Sum(c => c.Length)); // one block, whatever the paths
                Assert.Equal(limit * plan.Horizon, a.PathScenario.Sum(c => c.Length));
                Assert.Equal(3 * plan.Horizon, a.Sketches!.Length);
                Assert.All(a.Sketches, s => Assert.InRange(s.Levels.Sum(l => l.Length), 1, k * levels));
            }

            // Resumed after its second block, from the checkpoint as storage keeps it.
            ScenarioCheckpoint? stored = serializer.Deserialize<ScenarioCheckpoint>(serializer.SerializeToArray(sink.Saved.Single(c => c.Blocks == 2)));
            ScenarioResultRecord resumed = await coordinator.RunAsync(plan, NullScenarioSink.Instance, CancellationToken.None, stored);
            Assert.Equal(ScenarioDeterminismTests.Bytes(whole), ScenarioDeterminismTests.Bytes(resumed));
        }
    }

    private static double[] Numbers((PathDistribution[] B, PathDistribution[] S, PathDistribution[] D) d) =>
        d.B.Concat(d.S).Concat(d.D).SelectMany(x => x.Quantiles.Append(x.Mean).Append(x.Sd)).ToArray();

    private static double[] Numbers(ScenarioSeriesRecord r) =>
        r.BaselinePaths.Concat(r.ScenarioPaths).Concat(r.DifferencePaths).SelectMany(x => x.Quantiles.Append(x.Mean).Append(x.Sd)).ToArray();

    private sealed class Checkpoints : IScenarioSink
    {
        public List<ScenarioCheckpoint> Saved { get; } = [];

        public ValueTask<bool> EconomyDoneAsync(ScenarioSeriesRecord economy, int done, int total, int skipped) => ValueTask.FromResult(false);

        public ValueTask WaveDoneAsync(ScenarioCheckpoint checkpoint)
        {
            Saved.Add(checkpoint);
            return ValueTask.CompletedTask;
        }
    }
}
