using TradeGrid.Data.Model;

namespace TradeGrid.Data.Csv;

/// <summary>How to read an import: the file's name for messages, defaults for rows that say nothing, limits.</summary>
public sealed record ImportOptions
{
    public string FileName { get; init; } = "upload";

    /// <summary>Source recorded on rows that name none.</summary>
    public string DefaultSource { get; init; } = string.Empty;

    /// <summary>Provenance of rows without a flag column.</summary>
    public Provenance DefaultProvenance { get; init; } = Provenance.Reported;

    /// <summary>More data rows than this is refused (ResourceExhausted) rather than held in memory.</summary>
    public long MaxRows { get; init; } = 20_000_000;
}
