namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>An economy grain's first answer: how many rows it has, in which years, what it left out, at which data version.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.BlockInfo")]
public sealed record BlockInfo(
    [property: Id(0)] string Economy,
    [property: Id(1)] int Rows,
    [property: Id(2)] int[] Years,
    [property: Id(3)] DropNote[] Drops,
    [property: Id(4)] long Version);
