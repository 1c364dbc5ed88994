using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Wire form of <see cref="Numerics.Regression.ScoreBasis"/>.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ScoreBasis")]
public struct ScoreBasisSurrogate
{
    [Id(0)] public double[] Beta;
    [Id(1)] public int[] Retained;
    [Id(2)] public double[] R;
}

[RegisterConverter]
public sealed class ScoreBasisConverter : IConverter<ScoreBasis, ScoreBasisSurrogate>
{
    public ScoreBasis ConvertFromSurrogate(in ScoreBasisSurrogate surrogate) => new(surrogate.Beta, surrogate.Retained, surrogate.R);

    public ScoreBasisSurrogate ConvertToSurrogate(in ScoreBasis value) => new() { Beta = value.Beta, Retained = value.Retained, R = value.R };
}
