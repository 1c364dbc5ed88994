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
