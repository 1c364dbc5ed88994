namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// One model through the server: the first fit (JIT, model grain activation), the timed refits (each a new fit id),
/// a repeat served from cache, the server's CPU time per call (ms), the refits' ids, and the last fit's coefficients and SEs.
/// </summary>
internal sealed record ServerTiming(
    string Model,
    double FirstMs,
    double FirstCpuMs,
    double[] TimesMs,
    double[] CpuMs,
    string[] FitIds,
    double CachedMs,
    bool CachedFromCache,
    long Observations,
    int Clusters,
    int Iterations,
    double[] Coefficients,
    double[] StandardErrors)
{
    public double MedianMs => Statistics.Median(TimesMs);

    public double MedianCpuMs => Statistics.Median(CpuMs);
}
