using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>The stored and sent form of a <see cref="WorldEstimate"/> (a numerics type, which knows nothing of Orleans).</summary>
[GenerateSerializer, Alias("TradeGrid.WorldEstimate")]
public struct WorldEstimateSurrogate
{
    [Id(0)] public double[] Totals;
    [Id(1)] public int Reported;
    [Id(2)] public int Estimated;
}
