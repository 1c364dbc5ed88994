namespace TradeGrid.Domain;

/// <summary>Too few observations for what was asked (fewer rows than parameters, an empty sample, missing proxy years).</summary>
public sealed class InsufficientDataException(string message) : TradeGridException(message);
