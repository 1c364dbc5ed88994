namespace TradeGrid.Grains.Abstractions.Extrapolation;

/// <summary>One predicted year of one economy (see the numerics' Prediction); Observed is NaN when the dependent is missing.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.PredictedYear")]
public sealed record PredictedYear(
    [property: Id(0)] int Year,
    [property: Id(1)] double Point,
    [property: Id(2)] double SeMean,
    [property: Id(3)] double SeNew,
    [property: Id(4)] double MeanLower,
    [property: Id(5)] double MeanUpper,
    [property: Id(6)] double Lower,
    [property: Id(7)] double Upper,
    [property: Id(8)] double Link,
    [property: Id(9)] double LinkSeMean,
    [property: Id(10)] double LinkSeNew,
    [property: Id(11)] double Observed);
