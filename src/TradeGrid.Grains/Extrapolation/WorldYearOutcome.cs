using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>One year of the pipeline: the scaled world estimate, the counts by coverage, and the world totals used and where they came from.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.WorldYearOutcome")]
public sealed record WorldYearOutcome(
    [property: Id(0)] int Year,
    [property: Id(1)] WorldEstimate Estimate,
    [property: Id(2)] int Filled,
    [property: Id(3)] int NotPredictable,
    [property: Id(4)] double WorldGdp,
    [property: Id(5)] double WorldTrade,
    [property: Id(6)] string WorldSource);
