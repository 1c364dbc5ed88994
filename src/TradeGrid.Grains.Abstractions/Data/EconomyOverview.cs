using TradeGrid.Grains.Abstractions.Catalog;

namespace TradeGrid.Grains.Abstractions.Data;

/// <summary>An economy's identity, the series it holds (first/last year and count) and its data version.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.EconomyOverview")]
public sealed record EconomyOverview(
    [property: Id(0)] EconomyRecord Economy,
    [property: Id(1)] SeriesSummaryRecord[] Series,
    [property: Id(2)] long Version);
