namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>
/// What a member contributes to a group aggregate: its <see cref="Indicator"/> at <see cref="Years"/>, optionally a weight
/// and GDP for the coverage, and whether it belongs to the group in each year (null: every year).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.GroupPartialSpec")]
public sealed record GroupPartialSpec(
    [property: Id(0)] string Indicator,
    [property: Id(1)] int[] Years,
    [property: Id(2)] string WeightIndicator,
    [property: Id(3)] string GdpIndicator,
    [property: Id(4)] bool[]? InGroup);
