namespace TradeGrid.Numerics.Regression;

/// <summary>Row selection helpers for splitting one process's rows into the blocks a grain would hold.</summary>
internal static class Rows
{
    /// <summary>Row indices per distinct id, in order of first appearance.</summary>
    public static List<int[]> ByGroup(ReadOnlySpan<int> ids)
    {
        var index = new Dictionary<int, List<int>>();
        var order = new List<List<int>>();
        for (int i = 0; i < ids.Length; i++)
        {
            if (!index.TryGetValue(ids[i], out List<int>? rows))
            {
                rows = [];
                index.Add(ids[i], rows);
                order.Add(rows);
            }

            rows.Add(i);
        }

        return order.Select(rows => rows.ToArray()).ToList();
    }

    public static double[,] Take(double[,] x, int[] rows)
    {
        int k = x.GetLength(1);
        var s = new double[rows.Length, k];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < k; j++)
            {
                s[i, j] = x[rows[i], j];
            }
        }

        return s;
    }

    public static double[] Take(double[] v, int[] rows) => rows.Select(i => v[i]).ToArray();

    public static int[] Take(int[] v, int[] rows) => rows.Select(i => v[i]).ToArray();
}
