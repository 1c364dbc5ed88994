namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>Rows left out of a fit for one reason, with one example (economy, partner, year) to look at.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.DropNote")]
public sealed record DropNote(
    [property: Id(0)] string Reason,
    [property: Id(1)] int Rows,
    [property: Id(2)] string Example);
