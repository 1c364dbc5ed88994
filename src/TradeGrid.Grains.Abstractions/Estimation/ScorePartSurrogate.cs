using TradeGrid.Numerics.Regression;

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

[RegisterConverter]
public sealed class ScorePartConverter : IConverter<ScorePart, ScorePartSurrogate>
{
    public ScorePart ConvertFromSurrogate(in ScorePartSurrogate surrogate) =>
        new(surrogate.Observations, surrogate.ScoreSum, surrogate.Meat, surrogate.ResidualSquares);

    public ScorePartSurrogate ConvertToSurrogate(in ScorePart value) => new()
    {
        Observations = value.Observations,
        ScoreSum = value.ScoreSum,
        Meat = value.Meat,
        ResidualSquares = value.ResidualSquares,
    };
}
