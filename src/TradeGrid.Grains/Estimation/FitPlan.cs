using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Estimation;

/// <summary>A large fit in progress, as its coordinator stores it before the estimation starts: what to run again when resumed.</summary>
[GenerateSerializer, Alias("TradeGrid.FitPlan")]
public sealed record FitPlan(
    [property: Id(0)] DesignSpec Spec,
    [property: Id(1)] int MaxRows,
    [property: Id(2)] long Rows,
    [property: Id(3)] DateTimeOffset StartedAt);
