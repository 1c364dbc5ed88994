using TradeGrid.Numerics.Poisson;

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

[RegisterConverter]
public sealed class SeparationPartConverter : IConverter<SeparationPart, SeparationPartSurrogate>
{
    public SeparationPart ConvertFromSurrogate(in SeparationPartSurrogate s) => new(s.PositiveMin, s.PositiveMax, s.ZeroMin, s.ZeroMax);

    public SeparationPartSurrogate ConvertToSurrogate(in SeparationPart value) => new()
    {
        PositiveMin = value.PositiveMin,
        PositiveMax = value.PositiveMax,
        ZeroMin = value.ZeroMin,
        ZeroMax = value.ZeroMax,
    };
}
