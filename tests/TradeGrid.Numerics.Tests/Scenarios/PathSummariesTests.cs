using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Numerics.Tests.Scenarios;

/// <summary>
/// <see cref="PathSummaries"/>: exact and identical to <see cref="ScenarioSummary.Of"/> up to the limit; beyond it the
/// same bytes whatever the blocks, and numbers kept that stop growing with the paths (counted, not measured by the GC).
/// </summary>
public sealed class PathSummariesTests
{
    private const int Horizon = 3;
    private static readonly double[] Probabilities = [0.05, 0.5, 0.95];

    [Fact]
    public void Up_to_the_limit_the_summaries_are_the_exact_ones_whatever_the_blocks()
    {
        (double[] b, double[] s) = Paths(1000);
        var (eb, es, ed) = ScenarioSummary.Of(b, s, Horizon, Probabilities);

        var (wb, ws, wd) = Summarise(b, s, 1000, 1000, [1000]);
        var (cb, cs, cd) = Summarise(b, s, 1000, 1000, [300, 1, 699]);

        Assert.Equal(Numbers(eb, es, ed), Numbers(wb, ws, wd));
        Assert.Equal(Numbers(eb, es, ed), Numbers(cb, cs, cd));
    }

    [Fact]
    public void Beyond_the_limit_the_bytes_do_not_depend_on_the_blocks()
    {
        (double[] b, double[] s) = Paths(10_000);

        var one = Summarise(b, s, 10_000, 1024, [10_000]);
        var blocks = Summarise(b, s, 10_000, 1024, [1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 784]);
        var ragged = Summarise(b, s, 10_000, 1024, [1, 4095, 333, 2048, 3523]);

        Assert.Equal(Numbers(one.B, one.S, one.D), Numbers(blocks.B, blocks.S, blocks.D));
        Assert.Equal(Numbers(one.B, one.S, one.D), Numbers(ragged.B, ragged.S, ragged.D));
        var (eb, _, _) = ScenarioSummary.Of(b, s, Horizon, Probabilities);
        Assert.NotEqual(Numbers(eb, eb, eb), Numbers(one.B, one.B, one.B)); // sketched: not the exact numbers
    }

    [Fact]
    public void Beyond_the_limit_the_numbers_kept_grow_by_one_level_per_doubling_and_stay_under_the_exact_buffers()
    {
        const int limit = 1024;
        int k = PathSummaries.SketchLevel(limit);
        long exactAtLimit = new PathSummariesProbe(limit, limit).Capacity; // 2 × limit × years
        var capacities = new List<long>();
        foreach (int multiple in new[] { 2, 4, 8 })
        {
            int n = multiple * limit;
            var probe = new PathSummariesProbe(n, limit);
            long levels = (long)Math.Floor(Math.Log2((double)n / k)) + 2; // levels that compacted, the one they fill, and the merge buffer
            Assert.InRange(probe.Capacity, 1, 3L * Horizon * k * (levels + 1));
            Assert.InRange(probe.Retained, 1, 3L * Horizon * k * levels);
            capacities.Add(probe.Capacity);
        }

        Assert.Equal(2L * limit * Horizon, exactAtLimit);
        Assert.All(capacities, c => Assert.True(c <= exactAtLimit, $"{c} numbers beyond the limit, {exactAtLimit} at it"));
        Assert.Equal(3L * Horizon * k, capacities[1] - capacities[0]); // one more level of k per column per doubling
        Assert.Equal(3L * Horizon * k, capacities[2] - capacities[1]);
    }

    [Fact]
    public void Blocks_must_come_in_order_and_all_paths_before_the_summary()
    {
        var summaries = new PathSummaries(Horizon, 10, 4);
        summaries.Add(new double[6], new double[6], 2);

        Assert.Throws<InvalidOperationException>(() => summaries.Finish(Probabilities));
        Assert.Throws<ArgumentException>(() => summaries.Add(new double[30], new double[30], 9));
    }

    private static (PathDistribution[] B, PathDistribution[] S, PathDistribution[] D) Summarise(double[] b, double[] s, int paths, int limit, int[] blocks)
    {
        var summaries = new PathSummaries(Horizon, paths, limit);
        int at = 0;
        foreach (int count in blocks)
        {
            summaries.Add(b[(at * Horizon)..((at + count) * Horizon)], s[(at * Horizon)..((at + count) * Horizon)], count);
            at += count;
        }

        return summaries.Finish(Probabilities);
    }

    private static double[] Numbers(params PathDistribution[][] parts) =>
        parts.SelectMany(p => p).SelectMany(d => d.Quantiles.Append(d.Mean).Append(d.Sd)).ToArray();

    private static (double[] Baseline, double[] Scenario) Paths(int n)
    {
        double[] z = QuantileSketchTests.Sample("lognormal", n * Horizon);
        double[] s = z.Select((v, i) => i % Horizon == 0 ? v : v * 1.1).ToArray();
        return (z, s);
    }

    /// <summary>A summary of n paths fed in blocks of 1,000, for its sizes.</summary>
    private sealed class PathSummariesProbe
    {
        public PathSummariesProbe(int n, int limit)
        {
            var summaries = new PathSummaries(Horizon, n, limit);
            (double[] b, double[] s) = Paths(n);
            for (int at = 0; at < n; at += 1000)
            {
                int count = Math.Min(1000, n - at);
                summaries.Add(b[(at * Horizon)..((at + count) * Horizon)], s[(at * Horizon)..((at + count) * Horizon)], count);
            }

            (Capacity, Retained) = (summaries.Capacity, summaries.Retained);
        }

        public long Capacity { get; }

        public long Retained { get; }
    }
}
