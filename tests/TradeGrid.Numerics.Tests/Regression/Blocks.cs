namespace TradeGrid.Numerics.Tests.Regression;

/// <summary>Splits one process's rows into the blocks economy grains would hold (rows in their original order).</summary>
internal static class Blocks
{
    public static List<(double[,] X, double[] Y, int[] Rows)> Split(double[,] x, double[] y, int[] block)
    {
        var result = new List<(double[,], double[], int[])>();
        foreach (int id in block.Distinct())
        {
            int[] rows = Enumerable.Range(0, y.Length).Where(i => block[i] == id).ToArray();
            var bx = new double[rows.Length, x.GetLength(1)];
            for (int i = 0; i < rows.Length; i++)
            {
                for (int j = 0; j < x.GetLength(1); j++)
                {
                    bx[i, j] = x[rows[i], j];
                }
            }

            result.Add((bx, rows.Select(i => y[i]).ToArray(), rows));
        }

        return result;
    }

    public static T[] Take<T>(T[] values, int[] rows) => rows.Select(i => values[i]).ToArray();
}
