using TradeGrid.Api.V1;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>One import through gRPC: the server's answer, the bytes sent, elapsed and server CPU seconds, server RSS after it (MiB).</summary>
internal sealed record ImportResult(ImportResponse Response, long Bytes, double Seconds, double ServerCpuSeconds, double RssAfterMiB)
{
    public double RowsPerSecond => Response.RowsRead / Seconds;
}
