namespace TradeGrid.Bench.Estimate;

/// <summary>
/// One implementation's fits of one model at one size: the first call in its process (cold: JIT on .NET, first use
/// of the code and data in R and Python) apart from the warm calls after it; wall-clock and CPU times in ms (CPU summed
/// over threads, steadier than wall time on a shared machine), memory, and the slopes and SEs to compare.
/// <see cref="Timer"/> says what the timed call includes.
/// </summary>
internal sealed record ModelResult(
    string Implementation,
    string Model,
    string Timer,
    double FirstMs,
    double FirstCpuMs,
    double[] TimesMs,
    double[] CpuMs,
    double MemoryMb,
    string MemoryMeasure,
    double[] Coefficients,
    double[] StandardErrors)
{
    /// <summary>Median of the warm calls; NaN when only the first call was made.</summary>
    public double MedianMs => Median(TimesMs);

    public double MedianCpuMs => Median(CpuMs);

    private static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }
}
