namespace TradeGrid.Domain;

/// <summary>An iterative method stopped at its iteration cap before its tolerance; the message gives both.</summary>
public sealed class NoConvergenceException(string message) : TradeGridException(message);
