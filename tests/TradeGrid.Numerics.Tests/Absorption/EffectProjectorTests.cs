using MathNet.Numerics.LinearAlgebra;
using TradeGrid.Numerics.Absorption;

namespace TradeGrid.Numerics.Tests.Absorption;

/// <summary>
/// The projector's CG on the effects' coefficients against the exact weighted least-squares residual on the dense
/// dummy matrix (MathNet QR), on an unbalanced panel with three overlapping sets (exporter×year, importer×year, pair),
/// with the pairs' rows in runs (eliminated exactly) and shuffled (every set in the CG), a set nested in the eliminated
/// one and a pair split over two runs; and the array and dictionary numberings of effect ids against each other.
/// </summary>
public sealed class EffectProjectorTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Three_sets_match_the_dense_least_squares_residual(bool weighted, bool shuffled)
    {
        var random = new Random(20261203);
        List<(int E, int I, int T)> rows = Flows(6, 4, 0.8, random);

        if (shuffled)
        {
            // No set's groups are runs of rows: the CG solves every set (sorted, the pairs are eliminated exactly).
            rows = rows.OrderBy(_ => random.Next()).ToList();
        }

        int n = rows.Count;
        int[] exporterYear = EffectIds.Interact(rows.Select(r => r.E).ToArray(), rows.Select(r => r.T).ToArray());
        int[] importerYear = EffectIds.Interact(rows.Select(r => r.I).ToArray(), rows.Select(r => r.T).ToArray());
        int[] pair = EffectIds.Interact(rows.Select(r => r.E).ToArray(), rows.Select(r => r.I).ToArray());
        int[][] ids = [exporterYear, importerYear, pair];
        int[] groups = ids.Select(s => s.Max() + 1).ToArray();
        double[] y = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 10.0 - 3.0).ToArray();
        double[]? w = weighted ? Enumerable.Range(0, n).Select(_ => 0.1 + 5.0 * random.NextDouble()).ToArray() : null;

        double[] projected = (double[])y.Clone();
        int iterations = new EffectProjector(ids, groups, w).Demean(projected, "y");

        AssertDenseResidual(ids, groups, y, w, projected);
        Assert.InRange(iterations, 2, 200);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_set_nested_in_the_contiguous_set_and_a_split_group_are_projected_exactly(bool weighted)
    {
        // Rows by pair, except that pair 0's last year comes at the end: pairs are no longer runs, so the year set
        // (each year's rows apart) and the pairs are both solved by CG. Then the same rows in order, where the pairs
        // are runs and eliminated exactly, and exporters are nested in them (their diagonal is zero).
        var random = new Random(7);
        List<(int E, int I, int T)> rows = Flows(5, 5, 0.85, random);

        var split = rows.Skip(1).Append(rows[0]).ToList();
        foreach (List<(int E, int I, int T)> order in new[] { split, rows })
        {
            int n = order.Count;
            int[] exporter = order.Select(r => r.E).ToArray();
            int[] pair = EffectIds.Interact(exporter, order.Select(r => r.I).ToArray());
            int[] year = EffectIds.Dense(order.Select(r => r.T).ToArray(), out _);
            int[][] ids = [exporter, year, pair];
            int[] groups = ids.Select(s => s.Max() + 1).ToArray();
            double[] y = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 4.0 - 1.0).ToArray();
            double[]? w = weighted ? Enumerable.Range(0, n).Select(_ => 0.2 + 3.0 * random.NextDouble()).ToArray() : null;
            double[] projected = (double[])y.Clone();
            new EffectProjector(ids, groups, w).Demean(projected, "y");
            AssertDenseResidual(ids, groups, y, w, projected);
        }
    }

    [Fact]
    public void Weights_ten_orders_apart_project_the_same_with_the_pairs_eliminated_or_not()
    {
        // The separation rectifier's weights (1e10 on y > 0 rows, 1 on y = 0 rows): the eliminated pairs' diagonal
        // w_g − w_g²/W_run cancels badly; the projection must still equal the plain CG's on the same rows shuffled.
        var random = new Random(11);
        List<(int E, int I, int T)> rows = Flows(8, 6, 1.0, random);

        int n = rows.Count;
        double[] y = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        double[] w = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.2 ? 1.0 : 1e10).ToArray();
        int[] order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        double[] Project(int[] rowsInOrder)
        {
            var picked = rowsInOrder.Select(r => rows[r]).ToArray();
            int[][] ids =
            [
                EffectIds.Interact(picked.Select(r => r.E).ToArray(), picked.Select(r => r.T).ToArray()),
                EffectIds.Interact(picked.Select(r => r.I).ToArray(), picked.Select(r => r.T).ToArray()),
                EffectIds.Interact(picked.Select(r => r.E).ToArray(), picked.Select(r => r.I).ToArray()),
            ];
            double[] projected = rowsInOrder.Select(r => y[r]).ToArray();
            new EffectProjector(ids, ids.Select(s => s.Max() + 1).ToArray(), rowsInOrder.Select(r => w[r]).ToArray()).Demean(projected, "y");
            var back = new double[n];
            for (int k = 0; k < n; k++)
            {
                back[rowsInOrder[k]] = projected[k];
            }

            return back;
        }

        double[] eliminated = Project(Enumerable.Range(0, n).ToArray());
        double[] plain = Project(order);
        for (int r = 0; r < n; r++)
        {
            Assert.True(Math.Abs(eliminated[r] - plain[r]) <= 1e-8, $"row {r}: {eliminated[r]} against {plain[r]}");
        }
    }

    /// <summary>Exporter→importer flows by year, exporter by exporter, importer by importer (each pair's years in a run), each kept with the given chance.</summary>
    private static List<(int E, int I, int T)> Flows(int economies, int years, double kept, Random random)
    {
        var rows = new List<(int E, int I, int T)>();
        for (int e = 0; e < economies; e++)
        {
            for (int i = 0; i < economies; i++)
            {
                for (int t = 0; t < years; t++)
                {
                    if (e != i && (kept >= 1.0 || random.NextDouble() < kept))
                    {
                        rows.Add((e, i, t));
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>Exact: y − Dα with α = (√W·D)⁺√W·y, the pseudo-inverse handling the rank-deficient D.</summary>
    private static void AssertDenseResidual(int[][] ids, int[] groups, double[] y, double[]? w, double[] projected)
    {
        int n = y.Length;
        Matrix<double> d = Matrix<double>.Build.Dense(n, groups.Sum());
        for (int r = 0; r < n; r++)
        {
            int offset = 0;
            for (int q = 0; q < ids.Length; q++)
            {
                d[r, offset + ids[q][r]] = 1.0;
                offset += groups[q];
            }
        }

        Vector<double> root = Vector<double>.Build.Dense(n, r => Math.Sqrt(w?[r] ?? 1.0));
        Matrix<double> a = Matrix<double>.Build.DenseOfRows(Enumerable.Range(0, n).Select(r => d.Row(r) * root[r]));
        Vector<double> b = Vector<double>.Build.Dense(n, r => root[r] * y[r]);
        Vector<double> alpha = a.PseudoInverse() * b;
        Vector<double> fitted = d * alpha;
        double scale = Math.Sqrt(y.Sum(v => v * v));
        for (int r = 0; r < n; r++)
        {
            Assert.True(Math.Abs(y[r] - fitted[r] - projected[r]) <= 1e-10 * scale, $"row {r}: {y[r] - fitted[r]} against {projected[r]}");
        }
    }

    [Fact]
    public void Array_and_dictionary_numberings_agree()
    {
        int[] small = [7, 3, 7, 9, 3, 3, 11];
        int[] spread = small.Select(v => v * 100_000_000).ToArray();

        int[] viaArray = EffectIds.Dense(small, out int g1);
        int[] viaDictionary = EffectIds.Dense(spread, out int g2);

        Assert.Equal([0, 1, 0, 2, 1, 1, 3], viaArray);
        Assert.Equal(viaArray, viaDictionary);
        Assert.Equal(4, g1);
        Assert.Equal(g1, g2);
        Assert.Equal(EffectIds.Interact(small, small.Reverse().ToArray()), EffectIds.Interact(spread, spread.Reverse().ToArray()));
    }
}
