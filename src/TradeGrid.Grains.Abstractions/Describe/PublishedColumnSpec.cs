namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>
/// A column of a published table held by one economy: the stated rates (<see cref="StatedIndicator"/>) and the levels
/// they should follow from. <see cref="FromYear"/> 0: each rate is over the previous year; otherwise over
/// [FromYear, the rate's year], compound annual unless <see cref="TotalChange"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.PublishedColumnSpec")]
public sealed record PublishedColumnSpec(
    [property: Id(0)] string LevelsIndicator,
    [property: Id(1)] string StatedIndicator,
    [property: Id(2)] string Label,
    [property: Id(3)] int FromYear,
    [property: Id(4)] bool TotalChange);
