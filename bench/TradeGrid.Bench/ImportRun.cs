using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>One import: the server's answer (or its error), how long it took, the server's CPU time in it, and the server's memory around it (MiB).</summary>
internal sealed record ImportRun(
    ImportResponse? Response,
    string? Error,
    long Bytes,
    TimeSpan Elapsed,
    TimeSpan ServerCpu,
    double RssBeforeMiB,
    double RssAfterMiB,
    double RssLaterMiB,
    double PeakMiB)
{
    /// <summary>Which build answered: "this build" or "baseline" (see --baseline-silo).</summary>
    public string Server { get; init; } = "this build";

    public double RowsPerSecond => (Response?.RowsRead ?? 0) / Elapsed.TotalSeconds;

    /// <summary>Server CPU time per row read, in microseconds.</summary>
    public double CpuMicrosecondsPerRow => ServerCpu.TotalMilliseconds * 1000 / Math.Max(1, Response?.RowsRead ?? 0);

    public double MegabytesPerSecond => Bytes / 1e6 / Elapsed.TotalSeconds;
}
