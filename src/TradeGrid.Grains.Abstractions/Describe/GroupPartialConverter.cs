using TradeGrid.Numerics.Describe;

namespace TradeGrid.Grains.Abstractions.Describe;

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
