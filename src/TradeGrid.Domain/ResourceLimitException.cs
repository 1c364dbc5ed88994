namespace TradeGrid.Domain;

/// <summary>A request over a configured size or row limit.</summary>
public sealed class ResourceLimitException(string message) : TradeGridException(message);
