namespace TradeGrid.Numerics.Regression;

/// <summary>Row writers over column-major columns (one array per column), for <see cref="RowQr"/>.</summary>
internal static class ColumnRows
{
    /// <summary>Writes the first row.Length columns of row i, scaled by √wᵢ when <paramref name="weights"/> is given.</summary>
    public static RowWriter Of(double[][] columns, double[]? weights = null) => (i, row) =>
    {
        double s = weights is null ? 1.0 : Math.Sqrt(weights[i]);
        for (int j = 0; j < row.Length; j++)
        {
            row[j] = s * columns[j][i];
        }
    };

    /// <summary>Column-major copy of a row-major matrix's rows <paramref name="rows"/> (all rows when null), plus empty extra columns.</summary>
    public static double[][] Copy(double[,] x, int[]? rows, int extra)
    {
        int n = rows?.Length ?? x.GetLength(0);
        int k = x.GetLength(1);
        var columns = new double[k + extra][];
        for (int j = 0; j < columns.Length; j++)
        {
            columns[j] = new double[n];
        }

        Fill(x, rows, columns);
        return columns;
    }

    /// <summary>Overwrites the first k columns with x's rows <paramref name="rows"/> (all rows when null).</summary>
    public static void Fill(double[,] x, int[]? rows, double[][] columns)
    {
        int k = x.GetLength(1);
        int n = columns[0].Length;
        for (int i = 0; i < n; i++)
        {
            int source = rows is null ? i : rows[i];
            for (int j = 0; j < k; j++)
            {
                columns[j][i] = x[source, j];
            }
        }
    }
}
