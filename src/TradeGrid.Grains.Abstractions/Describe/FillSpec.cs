namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>
/// A gap fill of one indicator over [From, To] (0 = from the first / to the last year of the series and its proxy).
/// <see cref="Proxy"/> is the proxy series of the same economy (empty when the method needs none). A stored fill with a
/// <see cref="WriteId"/> stages its values for that atomic write; without one it writes the economy alone.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.FillSpec")]
public sealed record FillSpec(
    [property: Id(0)] string Indicator,
    [property: Id(1)] string Proxy,
    [property: Id(2)] FillKind Kind,
    [property: Id(3)] FillEnds Ends,
    [property: Id(4)] int From,
    [property: Id(5)] int To,
    [property: Id(6)] Guid WriteId = default);
