using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Wire form of <see cref="Numerics.Poisson.PoissonPart"/>.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.PoissonPart")]
public struct PoissonPartSurrogate
{
    [Id(0)] public QrPart Qr;
    [Id(1)] public double Deviance;
    [Id(2)] public double SumY;
}

[RegisterConverter]
public sealed class PoissonPartConverter : IConverter<PoissonPart, PoissonPartSurrogate>
{
    public PoissonPart ConvertFromSurrogate(in PoissonPartSurrogate surrogate) => new(surrogate.Qr, surrogate.Deviance, surrogate.SumY);

    public PoissonPartSurrogate ConvertToSurrogate(in PoissonPart value) => new() { Qr = value.Qr, Deviance = value.Deviance, SumY = value.SumY };
}
