namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>A fit whose rows stayed in the blocks, with where its first singleton and separated rows were (empty: none).</summary>
public sealed record SweepFitResult(AbsorbedFit Fit, string SingletonExample, string SeparatedExample);
