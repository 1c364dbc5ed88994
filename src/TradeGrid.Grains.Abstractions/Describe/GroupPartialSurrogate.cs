namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>The wire form of <see cref="Numerics.Describe.GroupPartial"/> (the numerics know nothing of Orleans).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.GroupPartial")]
public struct GroupPartialSurrogate
{
    [Id(0)] public int[] Years;
    [Id(1)] public int[] Members;
    [Id(2)] public int[] Present;
    [Id(3)] public double[] Sum;
    [Id(4)] public double[] WeightedSum;
    [Id(5)] public double[] WeightSum;
    [Id(6)] public double[] PresentGdp;
    [Id(7)] public double[] MemberGdp;
    [Id(8)] public double[][] Values;
}
