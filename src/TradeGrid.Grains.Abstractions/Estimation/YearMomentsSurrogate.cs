namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Wire form of <see cref="Numerics.Panel.YearMoments"/>.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.YearMoments")]
public struct YearMomentsSurrogate
{
    [Id(0)] public int Years;
    [Id(1)] public int Columns;
    [Id(2)] public double[] Moments;
    [Id(3)] public double[] System;
    [Id(4)] public double[] SquaredNorms;
}
