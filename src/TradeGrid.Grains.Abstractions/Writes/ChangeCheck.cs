namespace TradeGrid.Grains.Abstractions.Writes;

/// <summary>The change board's answer: whether the economies asked about may have changed, and the token of now.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ChangeCheck")]
public sealed record ChangeCheck([property: Id(0)] bool Changed, [property: Id(1)] ChangeToken Now);
