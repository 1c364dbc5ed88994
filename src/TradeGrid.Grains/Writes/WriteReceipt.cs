namespace TradeGrid.Grains.Writes;

/// <summary>
/// A committed multi-economy write: its id, its place in the commit order, and each economy's data version after it
/// was applied (an economy whose apply call failed applies it at its next call and is missing here).
/// A write that did not reach its commit point throws instead, having written nothing.
/// </summary>
public sealed record WriteReceipt(Guid WriteId, long Sequence, IReadOnlyDictionary<string, long> Versions);
