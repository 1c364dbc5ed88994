namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>The data version of an economy that a fit read.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.EconomyVersion")]
public sealed record EconomyVersion(
    [property: Id(0)] string Economy,
    [property: Id(1)] long Version);
