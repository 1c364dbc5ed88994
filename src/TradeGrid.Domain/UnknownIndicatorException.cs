namespace TradeGrid.Domain;

/// <summary>An indicator code that the catalogue does not know.</summary>
public sealed class UnknownIndicatorException(string message) : TradeGridException(message);
