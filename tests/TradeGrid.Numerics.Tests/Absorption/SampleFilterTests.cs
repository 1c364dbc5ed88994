using TradeGrid.Numerics.Absorption;

namespace TradeGrid.Numerics.Tests.Absorption;

/// <summary>
/// The rows a fit drops before it starts (singletons and all-zero groups, iteratively) against a plain reference that
/// drops one row at a time until none qualifies, on random unbalanced panels with three sets; and ids already numbered
/// used as they are.
/// </summary>
public sealed class SampleFilterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Drops_the_same_rows_as_one_at_a_time_removal(bool poisson)
    {
        var random = new Random(20261203);
        int dropped = 0;
        int untouched = 0;
        for (int panel = 0; panel < 200; panel++)
        {
            // Odd panels: many small groups and many zeros; even panels: few large groups and fewer zeros.
            int rows = random.Next(5, 60);
            int range = panel % 2 == 1 ? 1 + (rows / random.Next(1, 4)) : 1 + (rows / 12);
            double zeros = panel % 2 == 1 ? 0.4 : 0.1;
            int[][] ids = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, rows).Select(_ => random.Next(0, range)).ToArray()).ToArray();
            double[] y = Enumerable.Range(0, rows).Select(_ => random.NextDouble() < zeros ? 0.0 : random.NextDouble()).ToArray();
            if (panel % 4 == 0)
            {
                // One group of the second set all zero, its rows often in no singleton.
                int zeroGroup = ids[1][0];
                for (int i = 0; i < rows; i++)
                {
                    y[i] = ids[1][i] == zeroGroup ? 0.0 : y[i];
                }
            }

            int[] groups = ids.Select(id => id.Max() + 1).ToArray();
            var keep = Enumerable.Repeat(true, rows).ToArray();

            FilterCounts counts = SampleFilter.Apply(ids, groups, poisson ? y : null, singletons: true, allZero: poisson, keep);

            bool[] expected = Reference(ids, poisson ? y : null, poisson);
            Assert.Equal(expected, keep);
            int gone = expected.Count(k => !k);
            Assert.Equal(gone, counts.Singletons + counts.AllZero);
            Assert.Equal(counts.Singletons > 0, counts.SingletonExample >= 0);
            Assert.Equal(counts.AllZero > 0, counts.AllZeroExample >= 0);
            dropped += gone > 0 ? 1 : 0;
            untouched += gone == 0 ? 1 : 0;
        }

        // Both branches ran: panels that lose rows and panels that lose none.
        Assert.True(dropped > 20 && untouched > 20, $"{dropped} panels lost rows, {untouched} none");
    }

    [Fact]
    public void Ids_already_numbered_are_used_as_they_are_and_others_are_numbered()
    {
        int[] interacted = EffectIds.Interact([5, 5, 9, 9, 5], [2001, 2002, 2001, 2002, 2001]);
        Assert.Same(interacted, EffectIds.Numbered(interacted, out int g));
        Assert.Equal(4, g);

        int[][] others = [[2000, 2001, 2000], [0, 2, 1], [-1, 0, -1], [1, 0]];
        foreach (int[] raw in others)
        {
            int[] numbered = EffectIds.Numbered(raw, out int groups);
            Assert.NotSame(raw, numbered);
            Assert.Equal(EffectIds.Dense(raw, out int expected), numbered);
            Assert.Equal(expected, groups);
        }
    }

    private static bool[] Reference(int[][] ids, double[]? y, bool allZero)
    {
        var keep = Enumerable.Repeat(true, ids[0].Length).ToArray();
        while (true)
        {
            int drop = Enumerable.Range(0, keep.Length).FirstOrDefault(i => keep[i] && ids.Any(id =>
            {
                int[] members = Enumerable.Range(0, keep.Length).Where(j => keep[j] && id[j] == id[i]).ToArray();
                return members.Length == 1 || (allZero && members.All(j => y![j] == 0.0));
            }), -1);
            if (drop < 0)
            {
                return keep;
            }

            keep[drop] = false;
        }
    }
}
