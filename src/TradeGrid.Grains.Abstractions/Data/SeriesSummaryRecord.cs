namespace TradeGrid.Grains.Abstractions.Data;

/// <summary>What one series covers.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.SeriesSummaryRecord")]
public sealed record SeriesSummaryRecord(
    [property: Id(0)] string Indicator,
    [property: Id(1)] string Partner,
    [property: Id(2)] int FirstYear,
    [property: Id(3)] int LastYear,
    [property: Id(4)] int Count);
