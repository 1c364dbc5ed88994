using TradeGrid.Bench.Estimate;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// One model's row of the tables: the server's timings, the library's two timers (fit only; design from columns and
/// fit; none for structural gravity), fixest's calls (none with --no-fixest), and the 1-minute load average when each
/// side was measured.
/// </summary>
internal sealed record ResultRow(ServerTiming Server, string ServerLoad, ModelResult? FitOnly, ModelResult? FromColumns, string LibraryLoad)
{
    public ModelResult? Fixest { get; init; }

    public string FixestLoad { get; init; } = "–";
}
