namespace TradeGrid.Grains.Writes;

/// <summary>
/// What the write ledger persists: writes being prepared (with the time their lease ends), committed writes with the
/// economies that have not yet acknowledged them, and the last sequence number given. Aborted writes are not kept:
/// a write the ledger does not know is aborted.
/// </summary>
[GenerateSerializer, Alias("TradeGrid.WriteLedgerState")]
public sealed class WriteLedgerState
{
    [Id(0)] public Dictionary<Guid, DateTimeOffset> Preparing { get; set; } = [];
    [Id(1)] public Dictionary<Guid, CommittedWrite> Committed { get; set; } = [];
    [Id(2)] public long LastSequence { get; set; }
}
