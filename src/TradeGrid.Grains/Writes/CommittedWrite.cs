namespace TradeGrid.Grains.Writes;

/// <summary>A committed write in the ledger: its sequence number and the economies that have not yet applied it.</summary>
[GenerateSerializer, Alias("TradeGrid.CommittedWrite")]
public sealed class CommittedWrite
{
    [Id(0)] public long Sequence { get; set; }
    [Id(1)] public HashSet<string> Unacknowledged { get; set; } = new(StringComparer.Ordinal);
}
