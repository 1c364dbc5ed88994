namespace TradeGrid.Numerics.Regression;

/// <summary>
/// Each cluster's whitened score sum R⁻ᵀΣ_g xᵢeᵢ in one pass over the rows, residuals formed on the fly: no residual
/// vector, no row lists per cluster. Clusters come out in order of first appearance and each sums its rows in row
/// order, as <see cref="RowQr.ByCluster"/> over <see cref="Rows.ByGroup"/> sums them.
/// </summary>
internal static class ClusterScores
{
    /// <summary>Row-major x (k columns), e = y − xβ.</summary>
    public static ScorePart[] FromRows(double[,] x, double[] y, int[] clusters, ScoreBasis basis)
    {
        int n = y.Length;
        int k = x.GetLength(1);
        return Sum(n, basis, clusters, (i, retained, sums, offset) =>
        {
            double fitted = 0.0;
            for (int j = 0; j < k; j++)
            {
                fitted += x[i, j] * basis.Beta[j];
            }

            double e = y[i] - fitted;
            for (int a = 0; a < retained.Length; a++)
            {
                sums[offset + a] += x[i, retained[a]] * e;
            }

            return e;
        });
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
