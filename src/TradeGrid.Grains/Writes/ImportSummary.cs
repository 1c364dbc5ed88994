namespace TradeGrid.Grains.Writes;

/// <summary>What an import did: rows read, observations written, economies touched and created, indicators added, new versions.</summary>
public sealed record ImportSummary(
    long RowsRead,
    long ObservationsWritten,
    IReadOnlyList<string> IndicatorsAdded,
    IReadOnlyList<string> EconomiesCreated,
    IReadOnlyDictionary<string, long> Versions);
