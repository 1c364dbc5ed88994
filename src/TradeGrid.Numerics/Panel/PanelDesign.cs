using TradeGrid.Domain;

namespace TradeGrid.Numerics.Panel;

/// <summary>Builds a block's design: the year dummies of the spec, then the slopes (not yet demeaned).</summary>
internal static class PanelDesign
{
    public static double[,] Build(double[,] x, int[] entity, int[] year, PanelSpec spec, int rows)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        int n = x.GetLength(0);
        int k = x.GetLength(1);
        if (rows != n || entity.Length != n || year.Length != n)
        {
            throw new ArgumentException($"x has {n} rows; y, entity and year must have as many.", nameof(x));
        }

        int dummies = spec.YearDummies;
        var design = new double[n, dummies + k];
        for (int i = 0; i < n; i++)
        {
            int dummy = DummyColumn(spec, year[i], i);
            if (dummy >= 0)
            {
                design[i, dummy] = 1.0;
            }

            for (int j = 0; j < k; j++)
            {
                design[i, dummies + j] = x[i, j];
            }
        }

        return design;
    }

    /// <summary>The year-dummy column of a row's year (−1 for the reference year or without year effects).</summary>
    public static int DummyColumn(PanelSpec spec, int year, int row)
    {
        if (spec.YearDummies == 0)
        {
            return -1;
        }

        int t = Array.BinarySearch(spec.Years, year);
        if (t < 0)
        {
            throw new InvalidSpecException($"Row {row}: year {year} is not in the spec's Years; list every year of the sample.");
        }

        return t - (spec.Years.Length - spec.YearDummies);
    }
}
