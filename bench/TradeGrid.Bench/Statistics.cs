using System.Diagnostics;

namespace TradeGrid.Bench;

internal static class Statistics
{
    public static double Median(IReadOnlyList<double> values)
    {
        double[] sorted = [.. values.Order()];
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Nearest-rank percentile (p in 0–100) of ascending Stopwatch ticks, in milliseconds.</summary>
    public static double PercentileMs(long[] sortedTicks, double p)
    {
        if (sortedTicks.Length == 0)
        {
            return double.NaN;
        }
        int rank = (int)Math.Ceiling(p / 100.0 * sortedTicks.Length);
        return TicksToMs(sortedTicks[Math.Clamp(rank - 1, 0, sortedTicks.Length - 1)]);
    }

    /// <summary>Nearest-rank percentile (p in 0–100) of ascending values.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        int rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double TicksToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
