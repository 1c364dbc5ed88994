using TradeGrid.Grains.Abstractions.Data;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>A partner economy's unilateral series, gathered by the coordinator for partner-side regressors.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.PartnerSeries")]
public sealed record PartnerSeries(
    [property: Id(0)] string Economy,
    [property: Id(1)] SeriesRecord Series);
