namespace TradeGrid.Bench;

/// <summary>One measured stretch against one server: how many calls finished, in how long, and each call's latency.</summary>
internal sealed record LoadSegment(string Server, int Callers, long Calls, TimeSpan Elapsed, long[] LatencyTicks)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;
}
