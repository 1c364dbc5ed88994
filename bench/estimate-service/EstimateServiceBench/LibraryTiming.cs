namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>One model through TradeGrid.Numerics in this process: timed fits (wall and process CPU, ms) and the coefficients and SEs.</summary>
internal sealed record LibraryTiming(string Model, double[] TimesMs, double[] CpuMs, double[] Coefficients, double[] StandardErrors)
{
    public double MedianMs => Statistics.Median(TimesMs);

    public double MedianCpuMs => Statistics.Median(CpuMs);
}
