using TradeGrid.Data.Model;

namespace TradeGrid.Data.Csv;

/// <summary>
/// Everything a file held, validated as to form. Whether its economies exist is the caller's question:
/// FirstLineOfEconomy lets the caller name the line of an unknown code.
/// </summary>
public sealed class ParsedImport
{
    public required IReadOnlyList<ObservationRow> Rows { get; init; }

    /// <summary>Data rows read, including those with a missing value (empty or NA) that write nothing.</summary>
    public required long RowsRead { get; init; }

    public required Dictionary<string, int> FirstLineOfEconomy { get; init; }

    /// <summary>Indicator code → name where the file gives one (World Bank files do), else empty.</summary>
    public required Dictionary<string, string> IndicatorNames { get; init; }
}
