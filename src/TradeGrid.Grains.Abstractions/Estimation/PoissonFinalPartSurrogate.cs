using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Wire form of <see cref="Numerics.Poisson.PoissonFinalPart"/>.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.PoissonFinalPart")]
public struct PoissonFinalPartSurrogate
{
    [Id(0)] public QrPart Qr;
    [Id(1)] public PoissonScorePart Summary;
}

[RegisterConverter]
public sealed class PoissonFinalPartConverter : IConverter<PoissonFinalPart, PoissonFinalPartSurrogate>
{
    public PoissonFinalPart ConvertFromSurrogate(in PoissonFinalPartSurrogate s) => new(s.Qr, s.Summary);

    public PoissonFinalPartSurrogate ConvertToSurrogate(in PoissonFinalPart value) => new() { Qr = value.Qr, Summary = value.Summary };
}
