using TradeGrid.Numerics.Poisson;

namespace TradeGrid.Grains.Abstractions.Estimation;

[RegisterConverter]
public sealed class PoissonFinalPartConverter : IConverter<PoissonFinalPart, PoissonFinalPartSurrogate>
{
    public PoissonFinalPart ConvertFromSurrogate(in PoissonFinalPartSurrogate s) => new(s.Qr, s.Summary);

    public PoissonFinalPartSurrogate ConvertToSurrogate(in PoissonFinalPart value) => new() { Qr = value.Qr, Summary = value.Summary };
}
