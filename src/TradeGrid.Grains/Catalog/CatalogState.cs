using TradeGrid.Grains.Abstractions.Catalog;

namespace TradeGrid.Grains.Catalog;

/// <summary>What the catalogue grain persists. Group memberships are keyed "GROUP|MEMBER".</summary>
[GenerateSerializer, Alias("TradeGrid.CatalogState")]
public sealed class CatalogState
{
    [Id(0)] public Dictionary<string, EconomyRecord> Economies { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public Dictionary<string, IndicatorRecord> Indicators { get; set; } = new(StringComparer.Ordinal);
    [Id(2)] public Dictionary<string, GroupMemberRecord> Groups { get; set; } = new(StringComparer.Ordinal);
    [Id(3)] public long Version { get; set; }
}
