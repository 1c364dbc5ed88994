using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Abstractions.Estimation;

[RegisterConverter]
public sealed class ScoreBasisConverter : IConverter<ScoreBasis, ScoreBasisSurrogate>
{
    public ScoreBasis ConvertFromSurrogate(in ScoreBasisSurrogate surrogate) => new(surrogate.Beta, surrogate.Retained, surrogate.R);

    public ScoreBasisSurrogate ConvertToSurrogate(in ScoreBasis value) => new() { Beta = value.Beta, Retained = value.Retained, R = value.R };
}
