namespace TradeGrid.Grains.Abstractions.Data;

/// <summary>The first and last year with a value of a series.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.YearSpanRecord")]
public sealed record YearSpanRecord(
    [property: Id(0)] int First,
    [property: Id(1)] int Last);
