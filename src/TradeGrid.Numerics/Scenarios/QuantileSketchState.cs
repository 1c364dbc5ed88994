namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// A <see cref="QuantileSketch"/> as a checkpoint keeps it: the level capacity k, the count, Welford's mean and sum of
/// squared deviations, the rank error so far, each level's values (level h: weight 2^h) and which half it keeps next.
/// </summary>
public sealed record QuantileSketchState(int K, long Count, double Mean, double M2, long RankError, double[][] Levels, bool[] Odd);
