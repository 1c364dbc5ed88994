namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Wire form of <see cref="Numerics.Poisson.SeparationPart"/>.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.SeparationPart")]
public struct SeparationPartSurrogate
{
    [Id(0)] public double[] PositiveMin;
    [Id(1)] public double[] PositiveMax;
    [Id(2)] public double[] ZeroMin;
    [Id(3)] public double[] ZeroMax;
}
