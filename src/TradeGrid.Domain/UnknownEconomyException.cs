namespace TradeGrid.Domain;

/// <summary>An economy code that the catalogue does not know.</summary>
public sealed class UnknownEconomyException(string message) : TradeGridException(message);
