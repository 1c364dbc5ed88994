namespace TradeGrid.Numerics.Absorption;

/// <summary>Rows dropped by <see cref="SampleFilter"/>: singletons and rows of all-zero groups, each with the index of a first example (−1: none).</summary>
public sealed record FilterCounts(int Singletons, int SingletonExample, int AllZero, int AllZeroExample);
