using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TradeGrid.Numerics.Regression;

/// <summary>
/// Each cluster's whitened score sum R⁻ᵀΣ_g xᵢeᵢ in one pass over the rows, residuals formed on the fly: no residual
/// vector, no row lists per cluster. Clusters come out in order of first appearance and each sums its rows in row
/// order within a range of rows, as <see cref="RowQr.ByCluster"/> over <see cref="Rows.ByGroup"/> sums them.
/// </summary>
internal static class ClusterScores
{
    /// <summary>
    /// Row-major x (k columns), e = y − xβ. Ranges of rows run in parallel, each with its own sums per cluster, added in
    /// range order; with very many clusters (more sums than rows), one pass in row order.
    /// </summary>
    public static ScorePart[] FromRows(double[,] x, double[] y, int[] clusters, ScoreBasis basis)
    {
        const int RangeRows = 65536;
        int n = y.Length;
        int k = x.GetLength(1);
        if (clusters.Length != n)
        {
            throw new ArgumentException($"clusters has {clusters.Length} entries for {n} rows.", nameof(clusters));
        }

        int r = basis.Retained.Length;
        var slot = new int[n];
        int groups = DenseIds.Number(clusters, slot);
        int ranges = Math.Max(1, (n + RangeRows - 1) / RangeRows);
        if ((long)groups * (r + 2) * ranges > n)
        {
            ranges = 1;
        }

        int size = ranges == 1 ? n : RangeRows;
        var partial = new double[ranges][];
        Work.For(ranges, n, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (c) =>
        {
            // Per cluster: r score sums, Σe², row count.
            var sums = new double[groups * (r + 2)];
            ReadOnlySpan<double> rows = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(x)), x.Length);
            double[] beta = basis.Beta;
            int[] retained = basis.Retained;
            bool all = retained.Length == k;
            int end = Math.Min(n, (c + 1) * size);
            for (int i = c * size; i < end; i++)
            {
                ReadOnlySpan<double> row = rows.Slice(i * k, k);
                double fitted = 0.0;
                for (int j = 0; j < row.Length; j++)
                {
                    fitted += row[j] * beta[j];
                }

                double e = y[i] - fitted;
                int o = slot[i] * (r + 2);
                if (all)
                {
                    Span<double> target = sums.AsSpan(o, k);
                    for (int a = 0; a < target.Length; a++)
                    {
                        target[a] += row[a] * e;
                    }
                }
                else
                {
                    for (int a = 0; a < retained.Length; a++)
                    {
                        sums[o + a] += row[retained[a]] * e;
                    }
                }

                sums[o + r] += e * e;
                sums[o + r + 1]++;
            }

            partial[c] = sums;
        });

        double[] total = partial[0];
        for (int c = 1; c < ranges; c++)
        {
            for (int i = 0; i < total.Length; i++)
            {
                total[i] += partial[c][i];
            }
        }

        var parts = new ScorePart[groups];
        for (int g = 0; g < groups; g++)
        {
            double[] sum = total.AsSpan(g * (r + 2), r).ToArray();
            Triangular.SolveTransposed(basis.R, r, sum);
            parts[g] = new ScorePart((int)total[g * (r + 2) + r + 1], sum, [], total[g * (r + 2) + r]);
        }

        return parts;
    }

    /// <summary>Column-major columns: X's k columns, then y; e = y − Xβ.</summary>
    public static ScorePart[] FromColumns(double[][] columns, int[] clusters, ScoreBasis basis)
    {
        int k = columns.Length - 1;
        double[] y = columns[k];
        return Sum(y.Length, basis, clusters, (i, retained, sums, offset) =>
        {
            double fitted = 0.0;
            for (int j = 0; j < k; j++)
            {
                fitted += columns[j][i] * basis.Beta[j];
            }

            double e = y[i] - fitted;
            for (int a = 0; a < retained.Length; a++)
            {
                sums[offset + a] += columns[retained[a]][i] * e;
            }

            return e;
        });
    }

    /// <summary>Adds row i's score xᵢeᵢ (kept columns) at sums[offset..] and returns eᵢ.</summary>
    private delegate double RowScore(int i, int[] retained, double[] sums, int offset);

    private static ScorePart[] Sum(int n, ScoreBasis basis, int[] clusters, RowScore score)
    {
        if (clusters.Length != n)
        {
            throw new ArgumentException($"clusters has {clusters.Length} entries for {n} rows.", nameof(clusters));
        }

        int r = basis.Retained.Length;
        var slot = new int[n];
        int groups = DenseIds.Number(clusters, slot);
        var sums = new double[groups * r];
        var squares = new double[groups];
        var counts = new int[groups];
        for (int i = 0; i < n; i++)
        {
            int g = slot[i];
            double e = score(i, basis.Retained, sums, g * r);
            squares[g] += e * e;
            counts[g]++;
        }

        var parts = new ScorePart[groups];
        for (int g = 0; g < groups; g++)
        {
            double[] sum = sums.AsSpan(g * r, r).ToArray();
            Triangular.SolveTransposed(basis.R, r, sum);
            parts[g] = new ScorePart(counts[g], sum, [], squares[g]);
        }

        return parts;
    }
}
