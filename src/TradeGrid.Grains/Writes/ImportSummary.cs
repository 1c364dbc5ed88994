namespace TradeGrid.Grains.Writes;

/// <summary>What an import did: rows read, observations written, economies touched and created, indicators added, new versions.</summary>
public sealed record ImportSummary(
    long RowsRead,
    long ObservationsWritten,
    IReadOnlyList<string> IndicatorsAdded,
    IReadOnlyList<string> EconomiesCreated,
    IReadOnlyDictionary<string, long> Versions)
{
    /// <summary>The atomic write that stored the rows (empty for a start-up load, which writes each economy directly).</summary>
    public Guid WriteId { get; init; }

    /// <summary>The write's place in the commit order (0 for a start-up load).</summary>
    public long Sequence { get; init; }
}
