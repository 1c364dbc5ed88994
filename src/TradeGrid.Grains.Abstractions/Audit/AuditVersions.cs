namespace TradeGrid.Grains.Abstractions.Audit;

/// <summary>An economy's data version before and after a write.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.AuditVersions")]
public sealed record AuditVersions([property: Id(0)] string Economy, [property: Id(1)] long Before, [property: Id(2)] long After);
