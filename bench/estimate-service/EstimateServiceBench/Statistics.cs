namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>Medians and relative differences for the report.</summary>
internal static class Statistics
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        double[] sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n == 0 ? double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2.0;
    }

    /// <summary>max |a/b − 1| over the pairs; NaN when the lengths differ (the two sides fitted different columns).</summary>
    public static double MaxRelativeDifference(double[] a, double[] b) =>
        a.Length != b.Length || a.Length == 0 ? double.NaN : a.Zip(b, (x, y) => Math.Abs((x / y) - 1.0)).Max();
}
