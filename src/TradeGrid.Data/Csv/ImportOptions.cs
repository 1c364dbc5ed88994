using TradeGrid.Data.Model;

namespace TradeGrid.Data.Csv;

/// <summary>How to read an import: the file's name for messages, defaults for rows that say nothing, limits.</summary>
public sealed record ImportOptions
{
    public const int DefaultMaxLineChars = 64 * 1024;
    public const int DefaultMaxCellChars = 1024;

    public string FileName { get; init; } = "upload";

    /// <summary>Source recorded on rows that name none.</summary>
    public string DefaultSource { get; init; } = string.Empty;

    /// <summary>Provenance of rows without a flag column.</summary>
    public Provenance DefaultProvenance { get; init; } = Provenance.Reported;

    /// <summary>More data rows than this is refused (ResourceExhausted) rather than held in memory.</summary>
    public long MaxRows { get; init; } = 20_000_000;

    /// <summary>
    /// A record (a line, or several when a quoted field holds line breaks) longer than this is refused: without a
    /// bound, a file with no line break is buffered whole before anything can be said about it.
    /// </summary>
    public int MaxLineChars { get; init; } = DefaultMaxLineChars;

    /// <summary>
    /// A field longer than this is refused. Every field is a code, a year, a number, a flag or a short citation;
    /// a 10 MB source cell would be stored on every row it names and slow every read of the series.
    /// </summary>
    public int MaxCellChars { get; init; } = DefaultMaxCellChars;
}
