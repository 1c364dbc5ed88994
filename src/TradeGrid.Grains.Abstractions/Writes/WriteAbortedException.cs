using TradeGrid.Domain;

namespace TradeGrid.Grains.Abstractions.Writes;

/// <summary>A write that did not reach its commit point: nothing of it was written; send it again.</summary>
public sealed class WriteAbortedException(string message) : TradeGridException(message);
