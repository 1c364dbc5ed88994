namespace TradeGrid.Grains.Abstractions.Extrapolation;

/// <summary>An economy's predictions, the years it could not predict, and what was stored (with its new data version).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.EconomyPredictions")]
public sealed record EconomyPredictions(
    [property: Id(0)] string Economy,
    [property: Id(1)] PredictedYear[] Predictions,
    [property: Id(2)] YearReason[] NotPredictable,
    [property: Id(3)] int Stored,
    [property: Id(4)] long Version);
