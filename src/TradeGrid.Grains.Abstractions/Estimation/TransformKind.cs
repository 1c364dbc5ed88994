namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>How a variable is made from its series: the value at t − lag (level, log or log1p), or x_t − x_{t−lag}.</summary>
[GenerateSerializer, Alias("TradeGrid.TransformKind")]
public enum TransformKind
{
    Level = 0,
    Log = 1,
    Log1p = 2,
    Difference = 3,
}
