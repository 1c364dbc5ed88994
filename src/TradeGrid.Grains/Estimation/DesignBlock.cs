using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// One economy's rows of a design, built where its series are. X holds the intercept (pooled models) and the
/// regressors; Entity is the fixed-effect group of each row (0 for economy effects: the block is one economy; the
/// partner's index for pair effects); Year is each row's year.
/// </summary>
internal sealed record DesignBlock(double[,] X, double[] Y, int[] Entity, int[] Year, DropNote[] Drops)
{
    public int Rows => Y.Length;

    /// <summary>The rows' distinct years, ascending (marked in an array over their span: no set per block).</summary>
    public int[] DistinctYears()
    {
        if (Year.Length == 0)
        {
            return [];
        }

        int first = Year.Min();
        var seen = new bool[Year.Max() - first + 1];
        foreach (int t in Year)
        {
            seen[t - first] = true;
        }

        var years = new List<int>();
        for (int i = 0; i < seen.Length; i++)
        {
            if (seen[i])
            {
                years.Add(first + i);
            }
        }

        return years.ToArray();
    }

    /// <summary>The block without the given rows (sorted indices), e.g. those a PPML separation round drops.</summary>
    public DesignBlock Without(IReadOnlyCollection<int> rows)
    {
        var gone = new HashSet<int>(rows);
        int[] keep = Enumerable.Range(0, Rows).Where(i => !gone.Contains(i)).ToArray();
        return Select(keep, Enumerable.Range(0, X.GetLength(1)).ToArray());
    }

    /// <summary>The block without the given columns of X.</summary>
    public DesignBlock WithoutColumns(IReadOnlyCollection<int> columns) =>
        columns.Count == 0 ? this : Select(Enumerable.Range(0, Rows).ToArray(), Enumerable.Range(0, X.GetLength(1)).Where(j => !columns.Contains(j)).ToArray());

    private DesignBlock Select(int[] rows, int[] columns)
    {
        var x = new double[rows.Length, columns.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < columns.Length; j++)
            {
                x[i, j] = X[rows[i], columns[j]];
            }
        }

        return new DesignBlock(x, rows.Select(i => Y[i]).ToArray(), rows.Select(i => Entity[i]).ToArray(), rows.Select(i => Year[i]).ToArray(), Drops);
    }
}
