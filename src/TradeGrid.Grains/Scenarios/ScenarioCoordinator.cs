using Orleans.Concurrency;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// Runs a scenario over the economy grains. Plan: <see cref="ScenarioPlanner"/>. Run: economies in code order (a
/// bilateral model: first each partner's partner-side driver paths, made in its grain; then (reporter, partner) pairs,
/// each in its reporter's grain with its partner's paths), in waves of <see cref="Wave"/>; each economy of a wave
/// projects itself (drivers forecast in its grain), then, with paths, simulates its paths in chunks of at most
/// <see cref="PathYearsPerCall"/> path-years (a few milliseconds of one core: big enough that a call's overhead does
/// not count, far under the grain call timeout), and gives its own distributions, made in its grain over all its paths
/// (exact up to the exact limit, <see cref="PathSummaries.ExactPaths"/> by default; sketched beyond). The aggregates
/// (groups asked, then WLD) need every member's value of a path: the coordinator adds each chunk of the first block of
/// paths (the exact limit's worth) into their per-path sums in code order and drops it. Up to the limit that block is
/// every path, and each aggregate's distribution is exact over it. Beyond it, once every economy is done, the block is
/// folded into the aggregates' sketches and the later blocks are simulated again by the economies
/// (<see cref="IEconomyScenarioGrain.SimulateAgain"/>: counter-based streams give the same numbers), block after block
/// in path order, each summed and folded the same way: no more than one block of summed paths is ever held, and the
/// bytes do not depend on chunks or silos. A plain class: it runs in the job grain, for StartScenario and RunScenario alike.
/// </summary>
public sealed class ScenarioCoordinator(IGrainFactory grains, int pathYearsPerCall = ScenarioCoordinator.PathYearsPerCall, int exactPaths = PathSummaries.ExactPaths)
{
    public const int Wave = 16;

    /// <summary>Path-years one economy simulates per call by default: 10,000 paths of 10 years in one call, 2,000 of 50.</summary>
    public const int PathYearsPerCall = 1 << 17;

    /// <summary>Paths per call for a horizon: a multiple of 4, the paths the numerics compute at once.</summary>
    public int ChunkPaths(int horizon) => Math.Max(4, pathYearsPerCall / horizon / 4 * 4);

    /// <summary>Validates what needs the model and the data, and makes the plan (nothing is started).</summary>
    public Task<ScenarioPlan> PlanAsync(ScenarioRequestSpec request, CancellationToken cancellationToken) =>
        new ScenarioPlanner(grains).PlanAsync(request, cancellationToken);

    /// <summary>
    /// Runs the plan, or what remains of it after <paramref name="resumeFrom"/>; every economy's result goes to the sink
    /// as it completes, and a checkpoint after each whole wave. Throws OperationCanceledException when cancelled.
    /// </summary>
    public async Task<ScenarioResultRecord> RunAsync(ScenarioPlan plan, IScenarioSink sink, CancellationToken cancellationToken, ScenarioCheckpoint? resumeFrom = null)
    {
        int horizon = plan.Horizon;
        AggregateSums[] aggregates = plan.Aggregates.Select(g => new AggregateSums(g, plan.FirstYear, horizon, plan.Paths, exactPaths)).ToArray();
        (string Economy, string Partner)[] units = plan.Units();
        var results = new List<ScenarioSeriesRecord>(units.Length);
        var methods = new SortedSet<string>(StringComparer.Ordinal);
        int skipped = 0;
        int waves = 0;
        int blocks = 0;
        if (resumeFrom is not null)
        {
            for (int a = 0; a < aggregates.Length; a++)
            {
                aggregates[a].Restore(resumeFrom.Aggregates[a]);
            }

            results.AddRange(resumeFrom.Results);
            methods.UnionWith(resumeFrom.Methods);
            skipped = resumeFrom.Skipped;
            waves = resumeFrom.Waves;
            blocks = resumeFrom.Blocks;
        }

        try
        {
            // Bilateral: each partner makes its partner-side drivers' paths in its own grain, once for every reporter.
            Dictionary<string, ScenarioDriverPaths> partnerDrivers = await PartnerDriversAsync(plan, cancellationToken);
            foreach ((string Economy, string Partner)[] wave in units.Chunk(Wave).Skip(waves))
            {
                cancellationToken.ThrowIfCancellationRequested();
                ScenarioEconomyJob[] jobs = wave.Select(u => Job(plan, u, partnerDrivers)).ToArray();
                ScenarioSeriesRecord[] projected = await Task.WhenAll(jobs.Select((j, i) =>
                    grains.EconomyScenario(wave[i].Economy).Project(j, cancellationToken).AsTask()));
                var live = Enumerable.Range(0, wave.Length).Where(i => projected[i].Skipped.Length == 0).ToArray();
                foreach (int i in live)
                {
                    foreach (AggregateSums a in aggregates)
                    {
                        a.AddProjection(projected[i]);
                    }
                }

                foreach ((long start, int count) in Chunks(plan, 0, plan.Paths))
                {
                    bool last = start + count == plan.Paths;
                    bool withPaths = start < exactPaths; // the first block's, for the aggregates
                    var chunk = await Task.WhenAll(live.Select(i =>
                        grains.EconomyScenario(wave[i].Economy).Simulate(jobs[i], start, count, last, withPaths, cancellationToken).AsTask()));
                    for (int b = 0; b < live.Length; b++)
                    {
                        ScenarioPathBlock block = chunk[b].Value;
                        if (withPaths)
                        {
                            foreach (AggregateSums a in aggregates)
                            {
                                a.AddPaths(block);
                            }
                        }

                        if (block.Summary is { } summary)
                        {
                            ScenarioSeriesRecord p = projected[live[b]];
                            projected[live[b]] = p with
                            {
                                BaselinePaths = summary.BaselinePaths,
                                ScenarioPaths = summary.ScenarioPaths,
                                DifferencePaths = summary.DifferencePaths,
                            };
                        }
                    }
                }

                foreach (ScenarioSeriesRecord r in projected)
                {
                    results.Add(r);
                    skipped += r.Skipped.Length > 0 ? 1 : 0;
                    methods.UnionWith(r.DriverMethods.Select((m, j) => $"{plan.Model.DriverName(j)}: {m.Split(':')[0]}"));
                    if (await sink.EconomyDoneAsync(r, results.Count, units.Length, skipped))
                    {
                        throw new OperationCanceledException("The scenario job was cancelled.");
                    }
                }

                waves++;
                if (sink.KeepsCheckpoints)
                {
                    await sink.WaveDoneAsync(new ScenarioCheckpoint
                    {
                        Waves = waves,
                        Results = results.ToArray(),
                        Aggregates = aggregates.Select(a => a.Save()).ToArray(),
                        Skipped = skipped,
                        Methods = methods.ToArray(),
                    });
                }
            }

            if (plan.Paths > exactPaths)
            {
                await LaterBlocksAsync(plan, results, aggregates, partnerDrivers, sink, blocks, () => (results.ToArray(), skipped, methods.ToArray(), waves), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            await ReleaseAllAsync(plan);
            throw;
        }

        ScenarioSeriesRecord[] finished = aggregates.Select(a => a.Finish(plan.Quantiles)).ToArray();
        WorldScalingRecord? scaling = null;
        if (plan.WorldScaling is { } asked)
        {
            string[] projected = results.Where(r => r.Skipped.Length == 0).Select(r => r.Economy).Distinct(StringComparer.Ordinal).ToArray();
            scaling = await new WorldShareCoordinator(grains).ShareAsync(asked, plan.FirstYear - 1, projected, cancellationToken);
            finished[^1] = finished[^1].DividedBy(scaling.Share);
        }

        return new ScenarioResultRecord
        {
            Plan = plan,
            Economies = results.ToArray(),
            Aggregates = finished,
            Versions = plan.Fit.Versions,
            DriverMethods = methods.ToArray(),
            WorldScaling = scaling,
        };
    }

    /// <summary>
    /// A run beyond the exact limit, every economy done: the aggregates fold the first block of paths (summed during the
    /// waves) into their sketches, then each later block, simulated again by the projected economies in waves, is summed
    /// and folded in path order, with a checkpoint after each block. The economies' inputs are released at the end.
    /// </summary>
    private async Task LaterBlocksAsync(ScenarioPlan plan, List<ScenarioSeriesRecord> results, AggregateSums[] aggregates,
        Dictionary<string, ScenarioDriverPaths> partnerDrivers, IScenarioSink sink, int blocks,
        Func<(ScenarioSeriesRecord[] Results, int Skipped, string[] Methods, int Waves)> progress, CancellationToken cancellationToken)
    {
        (string Economy, string Partner)[] live = results.Where(r => r.Skipped.Length == 0).Select(r => (r.Economy, r.Partner)).ToArray();
        for (long blockStart = (long)blocks * exactPaths; blockStart < plan.Paths; blockStart += exactPaths)
        {
            long blockEnd = Math.Min(plan.Paths, blockStart + exactPaths);
            if (blockStart > 0)
            {
                foreach ((string Economy, string Partner)[] wave in live.Chunk(Wave))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    ScenarioEconomyJob[] jobs = wave.Select(u => Job(plan, u, partnerDrivers)).ToArray();
                    foreach ((long start, int count) in Chunks(plan, blockStart, blockEnd))
                    {
                        var chunk = await Task.WhenAll(jobs.Select((j, i) =>
                            grains.EconomyScenario(wave[i].Economy).SimulateAgain(j, start, count, cancellationToken).AsTask()));
                        foreach (Immutable<ScenarioPathBlock> block in chunk)
                        {
                            foreach (AggregateSums a in aggregates)
                            {
                                a.AddPaths(block.Value);
                            }
                        }
                    }
                }
            }

            foreach (AggregateSums a in aggregates)
            {
                a.EndBlock();
            }

            blocks++;
            if (sink.KeepsCheckpoints)
            {
                (ScenarioSeriesRecord[] done, int skipped, string[] methods, int waves) = progress();
                await sink.WaveDoneAsync(new ScenarioCheckpoint
                {
                    Waves = waves,
                    Blocks = blocks,
                    Results = done,
                    Aggregates = aggregates.Select(a => a.Save()).ToArray(),
                    Skipped = skipped,
                    Methods = methods,
                });
            }
        }

        await ReleaseAllAsync(plan);
    }

    /// <summary>Paths [from, to) in chunks of <see cref="ChunkPaths"/>, none across a block's end (a multiple of the exact limit).</summary>
    private IEnumerable<(long Start, int Count)> Chunks(ScenarioPlan plan, long from, long to)
    {
        int chunk = ChunkPaths(plan.Horizon);
        for (long start = from; start < to;)
        {
            long blockEnd = Math.Min(to, (start / exactPaths + 1) * exactPaths);
            int count = (int)Math.Min(chunk, blockEnd - start);
            yield return (start, count);
            start += count;
        }
    }

    /// <summary>One unit's job (an economy, or a (reporter, partner) pair with its partner's driver paths), with the run's exact limit.</summary>
    private ScenarioEconomyJob Job(ScenarioPlan plan, (string Economy, string Partner) unit, Dictionary<string, ScenarioDriverPaths> partnerDrivers) =>
        (unit.Partner.Length == 0 ? ScenarioEconomyJob.Of(plan, unit.Economy)
            : ScenarioEconomyJob.ForPair(plan, unit.Economy, unit.Partner, partnerDrivers[unit.Partner])) with { ExactPaths = exactPaths };

    /// <summary>
    /// A bilateral plan's partner-side driver paths, made in each partner's grain (in waves, in code order); empty for a
    /// unilateral plan. Made again on a resume: the same data and methods give the same paths.
    /// </summary>
    private async Task<Dictionary<string, ScenarioDriverPaths>> PartnerDriversAsync(ScenarioPlan plan, CancellationToken cancellationToken)
    {
        var paths = new Dictionary<string, ScenarioDriverPaths>(StringComparer.Ordinal);
        foreach (string[] wave in plan.Partners.Chunk(Wave))
        {
            ScenarioDriverPaths[] made = await Task.WhenAll(wave.Select(p =>
                grains.EconomyScenario(p).DriverPaths(ScenarioEconomyJob.ForPartner(plan, p), cancellationToken).AsTask()));
            foreach (ScenarioDriverPaths m in made)
            {
                paths[m.Economy] = m;
            }
        }

        return paths;
    }

    /// <summary>Frees what the economy grains keep for a stopped job (best effort, not cancellable: the job's token is already cancelled).</summary>
    private async Task ReleaseAllAsync(ScenarioPlan plan)
    {
        await Task.WhenAll(plan.Economies.Select(e => grains.EconomyScenario(e).Release(plan.JobId, CancellationToken.None).AsTask()));
    }
}
