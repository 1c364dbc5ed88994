namespace TradeGrid.Numerics.Absorption;

/// <summary>A set of effects (or a clustering dimension) and its number of groups in the estimation sample.</summary>
public sealed record EffectCount(string Name, int Groups);
