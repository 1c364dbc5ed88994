namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>One line of the list of fits: id, what was fitted, when.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.FitListing")]
public sealed record FitListing(
    [property: Id(0)] string FitId,
    [property: Id(1)] EstimatorKind Estimator,
    [property: Id(2)] string Dependent,
    [property: Id(3)] int Observations,
    [property: Id(4)] DateTimeOffset FittedAt);
