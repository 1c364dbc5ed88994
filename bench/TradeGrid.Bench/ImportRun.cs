using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>One import: the server's answer, how long it took, and the server's memory around it (MiB).</summary>
internal sealed record ImportRun(
    ImportResponse Response,
    long Bytes,
    TimeSpan Elapsed,
    double RssBeforeMiB,
    double RssAfterMiB,
    double RssLaterMiB,
    double PeakMiB)
{
    public double RowsPerSecond => Response.RowsRead / Elapsed.TotalSeconds;

    public double MegabytesPerSecond => Bytes / 1e6 / Elapsed.TotalSeconds;
}
