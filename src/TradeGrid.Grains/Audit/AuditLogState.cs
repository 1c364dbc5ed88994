namespace TradeGrid.Grains.Audit;

/// <summary>The audit log's head: how many entries it holds (the page of the next one is Count / PageSize).</summary>
[GenerateSerializer, Alias("TradeGrid.AuditLogState")]
public sealed class AuditLogState
{
    [Id(0)] public long Count { get; set; }
}
