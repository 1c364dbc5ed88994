using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Extrapolation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// The pipeline's result: per year the world estimate, per economy and year its coverage, the share model's fit, and
/// what was stored (the shares, and the write when a world job stored them).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.WorldOutcome")]
public sealed record WorldOutcome(
    [property: Id(0)] WorldYearOutcome[] Years,
    [property: Id(1)] (string Economy, WorldRow Row)[] Economies,
    [property: Id(2)] FitOutcome Fit,
    [property: Id(3)] int OutsideUnitInterval,
    [property: Id(4)] long Stored)
{
    [Id(5)] public WorldJobWrite? Write { get; init; }
}
