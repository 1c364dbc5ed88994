namespace TradeGrid.Grains.Abstractions.Extrapolation;

/// <summary>Σ exp(residual) and the row count of one economy's rows of a log model (Duan's smearing, summed by the coordinator).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.SmearingSum")]
public sealed record SmearingSum([property: Id(0)] double Sum, [property: Id(1)] int Count);
