using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Abstractions.Estimation;

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
