namespace TradeGrid.Bench.Estimate;

/// <summary>
/// One implementation's fit of one model at one size: wall-clock and CPU times in ms (one per run; CPU summed over
/// threads, steadier than wall time on a shared machine), memory, and the slopes and SEs to compare.
/// </summary>
internal sealed record ModelResult(
    string Implementation,
    string Model,
    double[] TimesMs,
    double[] CpuMs,
    double MemoryMb,
    string MemoryMeasure,
    double[] Coefficients,
    double[] StandardErrors)
{
    public double MedianMs => Median(TimesMs);

    public double MedianCpuMs => Median(CpuMs);

    private static double Median(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }
}
