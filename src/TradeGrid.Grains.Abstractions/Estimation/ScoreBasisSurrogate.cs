namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Wire form of <see cref="Numerics.Regression.ScoreBasis"/>.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ScoreBasis")]
public struct ScoreBasisSurrogate
{
    [Id(0)] public double[] Beta;
    [Id(1)] public int[] Retained;
    [Id(2)] public double[] R;
}
