namespace TradeGrid.Grains.Abstractions.Catalog;

/// <summary>The whole catalogue at one version: economies, indicators and group memberships, each sorted by code.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.CatalogSnapshot")]
public sealed record CatalogSnapshot(
    [property: Id(0)] EconomyRecord[] Economies,
    [property: Id(1)] IndicatorRecord[] Indicators,
    [property: Id(2)] GroupMemberRecord[] Groups,
    [property: Id(3)] long Version);
