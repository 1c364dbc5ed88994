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
        var (eb, es, ed) = ScenarioSummary.Of(PathColumns.FromRows(b, s, Horizon), Probabilities);

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
        var (eb, _, _) = ScenarioSummary.Of(PathColumns.FromRows(b, s, Horizon), Probabilities);
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
        // One more level of k per sketch per doubling; year 0 is not shocked: one sketch (baseline = scenario) instead of three.
        Assert.Equal((3L * Horizon - 2) * k, capacities[1] - capacities[0]);
        Assert.Equal((3L * Horizon - 2) * k, capacities[2] - capacities[1]);
    }

    [Fact]
    public void A_year_without_shock_keeps_one_sketch_and_gives_what_three_sketches_fed_all_along_give()
    {
        const int n = 20_000;
        (double[] b, double[] s) = Paths(n);
        for (int p = 0; p < n; p++)
        {
            s[p * Horizon + 2] = p < 7_000 ? b[p * Horizon + 2] : b[p * Horizon + 2] * 1.2; // year 2: the same until path 7,000
            b[p * Horizon] = p % 97 == 0 ? double.NaN : b[p * Horizon];
            s[p * Horizon] = b[p * Horizon]; // year 0: never shocked, with paths that could not make it
        }

        var summaries = new PathSummaries(Horizon, n, 1024);
        for (int at = 0; at < n; at += 3_000)
        {
            int count = Math.Min(3_000, n - at);
            summaries.Add(PathColumns.FromRows(b[(at * Horizon)..((at + count) * Horizon)], s[(at * Horizon)..((at + count) * Horizon)], Horizon), count);
        }

        var (sb, ss, sd) = summaries.Finish(Probabilities);

        int k = PathSummaries.SketchLevel(1024);
        for (int h = 0; h < Horizon; h++)
        {
            var (bh, sh, dh) = (new QuantileSketch(k), new QuantileSketch(k), new QuantileSketch(k));
            for (int p = 0; p < n; p++)
            {
                (double x, double y) = (b[p * Horizon + h], s[p * Horizon + h]);
                bh.Add(x);
                sh.Add(y);
                dh.Add(y - x);
            }

            Assert.Equal(Bits(bh.Distribution(Probabilities)), Bits(sb[h]));
            Assert.Equal(Bits(sh.Distribution(Probabilities)), Bits(ss[h]));
            Assert.Equal(Bits(dh.Distribution(Probabilities)), Bits(sd[h]));
        }

        Assert.Equal(0.0, sd[0].Quantiles[1]);
    }

    [Fact]
    public void Blocks_must_come_in_order_and_all_paths_before_the_summary()
    {
        var summaries = new PathSummaries(Horizon, 10, 4);
        summaries.Add(PathColumns.FromRows(new double[6], new double[6], Horizon), 2);

        Assert.Throws<InvalidOperationException>(() => summaries.Finish(Probabilities));
        Assert.Throws<ArgumentException>(() => summaries.Add(PathColumns.FromRows(new double[30], new double[30], Horizon), 9));
    }

    private static (PathDistribution[] B, PathDistribution[] S, PathDistribution[] D) Summarise(double[] b, double[] s, int paths, int limit, int[] blocks)
    {
        var summaries = new PathSummaries(Horizon, paths, limit);
        int at = 0;
        foreach (int count in blocks)
        {
            summaries.Add(PathColumns.FromRows(b[(at * Horizon)..((at + count) * Horizon)], s[(at * Horizon)..((at + count) * Horizon)], Horizon), count);
            at += count;
        }

        return summaries.Finish(Probabilities);
    }

    private static long[] Bits(PathDistribution d) => d.Quantiles.Append(d.Mean).Append(d.Sd).Select(BitConverter.DoubleToInt64Bits).ToArray();

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
                summaries.Add(PathColumns.FromRows(b[(at * Horizon)..((at + count) * Horizon)], s[(at * Horizon)..((at + count) * Horizon)], Horizon), count);
            }

            (Capacity, Retained) = (summaries.Capacity, summaries.Retained);
        }

        public long Capacity { get; }

        public long Retained { get; }
    }
}
