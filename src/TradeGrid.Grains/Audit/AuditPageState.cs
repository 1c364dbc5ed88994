using TradeGrid.Grains.Abstractions.Audit;

namespace TradeGrid.Grains.Audit;

/// <summary>One page's entries, oldest first.</summary>
[GenerateSerializer, Alias("TradeGrid.AuditPageState")]
public sealed class AuditPageState
{
    [Id(0)] public List<AuditRecord> Entries { get; set; } = [];
}
