using TradeGrid.Bench.Estimate;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>One model's row of the table: both sides, and the 1-minute load average when each side was measured.</summary>
internal sealed record ResultRow(ServerTiming Server, string ServerLoad, ModelResult Library, string LibraryLoad);
