namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Wire form of <see cref="Numerics.Regression.ScorePart"/>.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ScorePart")]
public struct ScorePartSurrogate
{
    [Id(0)] public int Observations;
    [Id(1)] public double[] ScoreSum;
    [Id(2)] public double[] Meat;
    [Id(3)] public double ResidualSquares;
}
