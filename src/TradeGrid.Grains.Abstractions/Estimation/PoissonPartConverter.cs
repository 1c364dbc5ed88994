using TradeGrid.Numerics.Poisson;

namespace TradeGrid.Grains.Abstractions.Estimation;

[RegisterConverter]
public sealed class PoissonPartConverter : IConverter<PoissonPart, PoissonPartSurrogate>
{
    public PoissonPart ConvertFromSurrogate(in PoissonPartSurrogate surrogate) => new(surrogate.Qr, surrogate.Deviance, surrogate.SumY);

    public PoissonPartSurrogate ConvertToSurrogate(in PoissonPart value) => new() { Qr = value.Qr, Deviance = value.Deviance, SumY = value.SumY };
}
