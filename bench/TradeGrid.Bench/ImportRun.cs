using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>One import: the server's answer (or its error), how long it took, and the server's memory around it (MiB).</summary>
internal sealed record ImportRun(
    ImportResponse? Response,
    string? Error,
    long Bytes,
    TimeSpan Elapsed,
    double RssBeforeMiB,
    double RssAfterMiB,
    double RssLaterMiB,
    double PeakMiB)
{
    public double RowsPerSecond => (Response?.RowsRead ?? 0) / Elapsed.TotalSeconds;

    public double MegabytesPerSecond => Bytes / 1e6 / Elapsed.TotalSeconds;
}
