namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>
/// A column of a formula's design: the product of the spec's regressors (its base variables) at
/// <see cref="Variables"/> raised to <see cref="Powers"/>, e.g. x^2 or x:z. Built by the coordinator from the rows the
/// economies return.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.TermSpec")]
public sealed record TermSpec([property: Id(0)] string Name, [property: Id(1)] int[] Variables, [property: Id(2)] int[] Powers);
