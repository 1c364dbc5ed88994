namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// One set of fixed effects (or one clustering dimension): a name such as <c>reporter^year</c> and a group id per row.
/// Ids are any integers; <see cref="EffectIds.Dense"/> numbers them 0…G−1 in order of first appearance.
/// </summary>
/// <param name="Name">What the set is, as the formula names it.</param>
/// <param name="Ids">Group of each row.</param>
public sealed record EffectDimension(string Name, int[] Ids);
