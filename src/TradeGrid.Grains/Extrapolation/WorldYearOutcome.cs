using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>One year of the pipeline: the scaled world estimate, the counts by coverage, and the world totals used and where they came from.</summary>
public sealed record WorldYearOutcome(int Year, WorldEstimate Estimate, int Filled, int NotPredictable, double WorldGdp, double WorldTrade, string WorldSource);
