namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// Sums over a column of a million rows as plain loops, in row order: the same additions, so the same bits, as LINQ's
/// <c>Sum</c> and <c>Average</c>, without an enumerator and a delegate call per row.
/// </summary>
internal static class ColumnMoments
{
    public static double Mean(double[] values)
    {
        double sum = 0.0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    public static double SumOfSquares(double[] values)
    {
        double sum = 0.0;
        foreach (double v in values)
        {
            sum += v * v;
        }

        return sum;
    }

    /// <summary>Σ (v − centre)².</summary>
    public static double SumOfSquares(double[] values, double centre)
    {
        double sum = 0.0;
        foreach (double v in values)
        {
            sum += (v - centre) * (v - centre);
        }

        return sum;
    }
}
