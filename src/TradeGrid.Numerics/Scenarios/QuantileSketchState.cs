namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// A <see cref="QuantileSketch"/> as a checkpoint keeps it: the level capacity k, the count, the shift (the first value)
/// and the sums of the shifted values and of their squares, the rank error so far, each level's values (level h: weight
/// 2^h; level 0 unsorted) and which half each keeps next.
/// </summary>
public sealed record QuantileSketchState(int K, long Count, double Shift, double Sum, double SumSquares, long RankError, double[][] Levels, bool[] Odd);
