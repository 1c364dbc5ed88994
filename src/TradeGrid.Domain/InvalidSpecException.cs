namespace TradeGrid.Domain;

/// <summary>A request's specification is invalid: a field is missing, out of range or inconsistent.</summary>
public sealed class InvalidSpecException(string message) : TradeGridException(message);
