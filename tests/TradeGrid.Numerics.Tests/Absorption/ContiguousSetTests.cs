using TradeGrid.Numerics.Absorption;

namespace TradeGrid.Numerics.Tests.Absorption;

/// <summary>
/// The eliminated set's product Dₒ'WMDₒ p against the row loop written out here, bit for bit, on pairs whose years
/// run without gaps (their exporter×year and importer×year groups advance by one: the vector path) and pairs with a
/// missing year (the row loop), weighted and not.
/// </summary>
public sealed class ContiguousSetTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Aligned_runs_give_the_row_loops_bits(bool weighted)
    {
        var random = new Random(41);
        var exporter = new List<int>();
        var importer = new List<int>();
        var year = new List<int>();
        for (int e = 0; e < 12; e++)
        {
            for (int i = 0; i < 12; i++)
            {
                int gap = (e * 12 + i) % 5 == 2 ? 7 : -1; // every fifth pair misses a year
                for (int t = 0; t < 19; t++)
                {
                    if (t != gap)
                    {
                        exporter.Add(e);
                        importer.Add(i);
                        year.Add(t);
                    }
                }
            }
        }

        int[] ex = exporter.ToArray(), im = importer.ToArray(), yr = year.ToArray();
        int[][] ids = [EffectIds.Interact(ex, yr), EffectIds.Interact(im, yr), EffectIds.Interact(ex, im)];
        int[] groups = ids.Select(g => g.Max() + 1).ToArray();
        double[]? w = weighted ? ex.Select(_ => 0.1 + 3.0 * random.NextDouble()).ToArray() : null;
        ContiguousSet set = ContiguousSet.Find(ids, groups) ?? throw new InvalidOperationException("the pairs form runs");
        var inverse = groups.Select(g => new double[g]).ToArray();
        set.Reweight(ids, w, inverse);
        double[][] p = groups.Select(g => Enumerable.Range(0, g).Select(_ => random.NextDouble() - 0.5).ToArray()).ToArray();
        double[][] result = groups.Select(g => new double[g]).ToArray();

        set.Product(ids, w, p, result, new double[set.Longest]);

        Assert.Equal(2, set.Set);
        Assert.InRange(set.AlignedRuns, 1, 143);
        double[][] expected = RowLoop(ids, w, p, groups);
        Assert.Equal(expected[0], result[0]);
        Assert.Equal(expected[1], result[1]);
    }

    /// <summary>The product as a loop over rows: each pair's run, its weighted mean, then every row's share.</summary>
    private static double[][] RowLoop(int[][] ids, double[]? w, double[][] p, int[] groups)
    {
        double[][] result = groups.Select(g => new double[g]).ToArray();
        int n = ids[0].Length;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end < n && ids[2][end] == ids[2][start])
            {
                end++;
            }

            double weight = 0.0;
            for (int i = start; i < end; i++)
            {
                weight += w is null ? 1.0 : w[i];
            }

            double mean = 0.0;
            var v = new double[end - start];
            for (int i = start; i < end; i++)
            {
                v[i - start] = p[0][ids[0][i]] + p[1][ids[1][i]];
                mean += (w is null ? 1.0 : w[i]) * v[i - start];
            }

            mean *= 1.0 / weight;
            for (int i = start; i < end; i++)
            {
                double u = (w is null ? 1.0 : w[i]) * (v[i - start] - mean);
                result[0][ids[0][i]] += u;
                result[1][ids[1][i]] += u;
            }

            start = end;
        }

        return result;
    }
}
