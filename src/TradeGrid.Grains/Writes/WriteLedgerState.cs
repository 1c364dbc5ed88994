namespace TradeGrid.Grains.Writes;

/// <summary>
/// What the write ledger persists: writes being prepared (with the time their lease ends), committed writes with the
/// economies that have not yet acknowledged them, and the last sequence number given. Aborted writes are not kept:
/// a write the ledger does not know is aborted. Committed writes every economy has applied leave the committed set
/// for <see cref="Recent"/>, which keeps the last <see cref="RecentCapacity"/> decided writes (committed with their
/// sequence numbers, aborted with 0; oldest first in <see cref="RecentOrder"/>), so a caller cut off at its commit
/// point can still ask how its write ended.
/// </summary>
[GenerateSerializer, Alias("TradeGrid.WriteLedgerState")]
public sealed class WriteLedgerState
{
    [Id(0)] public Dictionary<Guid, DateTimeOffset> Preparing { get; set; } = [];
    [Id(1)] public Dictionary<Guid, CommittedWrite> Committed { get; set; } = [];
    [Id(2)] public long LastSequence { get; set; }
    [Id(3)] public Dictionary<Guid, long> Recent { get; set; } = [];
    [Id(4)] public List<Guid> RecentOrder { get; set; } = [];

    /// <summary>
    /// Enough to answer a caller who asks within minutes of a cut-off call even at hundreds of writes a minute; small
    /// enough (24 bytes a write) that storing the ledger on every change stays cheap.
    /// </summary>
    public const int RecentCapacity = 4096;

    /// <summary>Remembers a decided write that needs no other record: its sequence if committed, 0 if aborted.</summary>
    public void Remember(Guid writeId, long sequence)
    {
        if (Recent.TryAdd(writeId, sequence))
        {
            RecentOrder.Add(writeId);
        }
        while (RecentOrder.Count > RecentCapacity)
        {
            Recent.Remove(RecentOrder[0]);
            RecentOrder.RemoveAt(0);
        }
    }
}
