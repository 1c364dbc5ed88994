namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>Two series aligned on the union of their years and the result per year (NaN where missing).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.PairRecord")]
public sealed record PairRecord(
    [property: Id(0)] int[] Years,
    [property: Id(1)] double[] First,
    [property: Id(2)] double[] Second,
    [property: Id(3)] double[] Result);
