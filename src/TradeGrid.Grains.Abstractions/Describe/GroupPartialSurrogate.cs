using TradeGrid.Numerics.Describe;

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

/// <summary>Lets a <see cref="GroupPartial"/> cross grain calls as a <see cref="GroupPartialSurrogate"/>.</summary>
[RegisterConverter]
public sealed class GroupPartialConverter : IConverter<GroupPartial, GroupPartialSurrogate>
{
    public GroupPartial ConvertFromSurrogate(in GroupPartialSurrogate surrogate) => new(
        surrogate.Years, surrogate.Members, surrogate.Present, surrogate.Sum, surrogate.WeightedSum,
        surrogate.WeightSum, surrogate.PresentGdp, surrogate.MemberGdp, surrogate.Values);

    public GroupPartialSurrogate ConvertToSurrogate(in GroupPartial value) => new()
    {
        Years = value.Years,
        Members = value.Members,
        Present = value.Present,
        Sum = value.Sum,
        WeightedSum = value.WeightedSum,
        WeightSum = value.WeightSum,
        PresentGdp = value.PresentGdp,
        MemberGdp = value.MemberGdp,
        Values = value.Values,
    };
}
