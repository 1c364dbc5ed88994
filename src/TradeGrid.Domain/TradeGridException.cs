namespace TradeGrid.Domain;

/// <summary>
/// Base of every error that data or a request can cause (as opposed to a caller bug, which is an
/// <see cref="ArgumentException"/>). The message says what to change. Hosts map the subtypes to status codes.
/// </summary>
public abstract class TradeGridException(string message) : Exception(message);
