using TradeGrid.Data.Csv;

namespace TradeGrid.Api.Hosting;

/// <summary>
/// Configuration section TradeGrid:Import: the largest upload accepted (bytes as sent, data rows) and the longest
/// line and field. Import is a gRPC client stream, so the JSON port's body limit does not apply to it.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "TradeGrid:Import";

    public long MaxBytes { get; set; } = 1L << 30;

    public long MaxRows { get; set; } = 20_000_000;

    /// <summary>Longest line (record) in characters; a file with no line break is refused at this point.</summary>
    public int MaxLineChars { get; set; } = ImportOptions.DefaultMaxLineChars;

    /// <summary>Longest field in characters (a source citation, an indicator name).</summary>
    public int MaxCellChars { get; set; } = ImportOptions.DefaultMaxCellChars;
}
