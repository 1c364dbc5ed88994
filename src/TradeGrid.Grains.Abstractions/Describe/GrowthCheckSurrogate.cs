namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>The wire form of <see cref="Numerics.Describe.GrowthCheck"/>.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.GrowthCheck")]
public struct GrowthCheckSurrogate
{
    [Id(0)] public string Label;
    [Id(1)] public int FromYear;
    [Id(2)] public int ToYear;
    [Id(3)] public double StatedPercent;
    [Id(4)] public double RecomputedPercent;
    [Id(5)] public double LowPercent;
    [Id(6)] public double HighPercent;
    [Id(7)] public bool Flagged;
}
