using TradeGrid.Numerics.Poisson;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>A block's separation evidence after applying the rounds so far, and how many rows the last round dropped there.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.SeparationStep")]
public sealed record SeparationStep(
    [property: Id(0)] SeparationPart? Part,
    [property: Id(1)] int DroppedByLastRound);
