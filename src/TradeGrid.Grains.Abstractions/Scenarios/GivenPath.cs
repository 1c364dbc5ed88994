namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>A driver's baseline levels given for one economy, by year (sorted).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.GivenPath")]
public sealed record GivenPath(
    [property: Id(0)] int Driver,
    [property: Id(1)] string Economy,
    [property: Id(2)] int[] Years,
    [property: Id(3)] double[] Values);
