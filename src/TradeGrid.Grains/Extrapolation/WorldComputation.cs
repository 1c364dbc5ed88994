using TradeGrid.Grains.Abstractions.Extrapolation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>The pipeline's rounds done, nothing written: the outcome, each economy's rows (in the universe's order) and the years.</summary>
public sealed record WorldComputation(WorldOutcome Outcome, WorldRow[][] Rows, int[] Years);
