namespace TradeGrid.Grains.Abstractions.Extrapolation;

/// <summary>How an economy's share in a year is known.</summary>
[GenerateSerializer, Alias("TradeGrid.Coverage")]
public enum Coverage
{
    Reported = 1,
    Filled = 2,
    Estimated = 3,
    NotPredictable = 4,
}
