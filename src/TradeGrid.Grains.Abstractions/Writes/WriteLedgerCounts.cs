namespace TradeGrid.Grains.Abstractions.Writes;

/// <summary>What the ledger still holds: writes being prepared, and committed writes some economy has not yet acknowledged.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.WriteLedgerCounts")]
public sealed record WriteLedgerCounts([property: Id(0)] int Preparing, [property: Id(1)] int Unacknowledged, [property: Id(2)] long LastSequence);
