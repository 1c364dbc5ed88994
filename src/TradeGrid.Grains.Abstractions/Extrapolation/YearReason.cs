namespace TradeGrid.Grains.Abstractions.Extrapolation;

/// <summary>A year that could not be predicted (0: the whole economy) and why.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.YearReason")]
public sealed record YearReason([property: Id(0)] int Year, [property: Id(1)] string Reason);
