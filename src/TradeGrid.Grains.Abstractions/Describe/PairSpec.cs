namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>Two indicators of one economy combined per year over [From, To] (0 = open).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.PairSpec")]
public sealed record PairSpec(
    [property: Id(0)] PairKind Kind,
    [property: Id(1)] string First,
    [property: Id(2)] string Second,
    [property: Id(3)] int From,
    [property: Id(4)] int To);
