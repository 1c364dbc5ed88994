namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>Timed server calls of one kind (first fits of new specs, or refits): wall and server CPU ms, the silo's managed
/// allocations (MB) over each call, and each call's fit id.</summary>
internal sealed class Calls(int count)
{
    public double[] Ms { get; } = new double[count];

    public double[] CpuMs { get; } = new double[count];

    public double[] AllocatedMb { get; } = new double[count];

    public string[] FitIds { get; } = new string[count];

    public double MedianMs => Statistics.Median(Ms);

    public double MedianCpuMs => Statistics.Median(CpuMs);

    public double MedianAllocatedMb => Statistics.Median(AllocatedMb);
}
