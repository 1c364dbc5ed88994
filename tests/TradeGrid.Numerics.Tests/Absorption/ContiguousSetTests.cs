using TradeGrid.Numerics.Absorption;

namespace TradeGrid.Numerics.Tests.Absorption;

/// <summary>
/// The eliminated set's operations on runs whose other groups advance by one (the product's vector path: pairs whose
/// years run without gaps, exporter×year and importer×year numbered year by year) against the same panel with those
/// groups renumbered in a shuffled order (no run aligned: the row loops): each group's sums are the same additions in
/// the same order either way, so the diagonal, the product and the finished column must agree bit for bit. Every fifth
/// pair misses a year (row loops in both); weighted and not.
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
                int gap = (e * 12 + i) % 5 == 2 ? 7 : -1;
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
        int[][] shuffle = groups.Take(2).Select(g => Enumerable.Range(0, g).OrderBy(_ => random.Next()).ToArray()).ToArray();
        int[][] shuffled = [Array.ConvertAll(ids[0], g => shuffle[0][g]), Array.ConvertAll(ids[1], g => shuffle[1][g]), ids[2]];
        double[]? w = weighted ? ex.Select(_ => 0.1 + 3.0 * random.NextDouble()).ToArray() : null;
        double[][] p = groups.Select(g => Enumerable.Range(0, g).Select(_ => random.NextDouble() - 0.5).ToArray()).ToArray();
        double[] y = ex.Select(_ => random.NextDouble()).ToArray();

        (double[][] diagonal, double[][] product, double[] finished, int aligned) = Run(ids, groups, w, p, y);
        double[][] pShuffled = [Permute(p[0], shuffle[0]), Permute(p[1], shuffle[1]), p[2]];
        (double[][] diagonalS, double[][] productS, double[] finishedS, int alignedS) = Run(shuffled, groups, w, pShuffled, y);

        Assert.InRange(aligned, 50, 143); // both paths run: 144 pairs, some with a gap or importer×year numbered out of step
        Assert.Equal(0, alignedS);
        for (int q = 0; q < 2; q++)
        {
            Assert.Equal(diagonal[q], Unpermute(diagonalS[q], shuffle[q]));
            Assert.Equal(product[q], Unpermute(productS[q], shuffle[q]));
        }

        Assert.Equal(finished, finishedS);
    }

    private static (double[][] Diagonal, double[][] Product, double[] Finished, int Aligned) Run(int[][] ids, int[] groups, double[]? w, double[][] p, double[] y)
    {
        ContiguousSet set = ContiguousSet.Find(ids, groups) ?? throw new InvalidOperationException("the pairs form runs");
        Assert.Equal(2, set.Set);
        double[][] inverse = groups.Select(g => new double[g]).ToArray();
        set.Reweight(ids, w, inverse);
        double[][] result = groups.Select(g => new double[g]).ToArray();
        set.Product(ids, w, p, result, new double[set.Longest]);
        var finished = (double[])y.Clone();
        set.Finish(ids, w, finished, p);
        return (inverse, result, finished, set.AlignedRuns);
    }

    /// <summary>The vector with group g moved to position order[g].</summary>
    private static double[] Permute(double[] values, int[] order)
    {
        var moved = new double[values.Length];
        for (int g = 0; g < values.Length; g++)
        {
            moved[order[g]] = values[g];
        }

        return moved;
    }

    private static double[] Unpermute(double[] moved, int[] order) => Enumerable.Range(0, moved.Length).Select(g => moved[order[g]]).ToArray();
}
