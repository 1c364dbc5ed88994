using TradeGrid.Numerics.Poisson;

namespace TradeGrid.Grains.Abstractions.Estimation;

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
