namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>
/// The Box 2 scaling of a world share model's WLD aggregate. Asked (in a plan): the GDP and trade indicators, the
/// economy holding the world totals (empty: none), the universe whose sums stand in for them, and the variant
/// (<see cref="Numerics.Extrapolation.ScalingVariant"/> as a number). Used (in a result): besides, the year, the
/// projected economies' shares of world GDP and trade, s, and where the world totals came from.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.WorldScalingRecord")]
public sealed record WorldScalingRecord
{
    [Id(0)] public required string GdpIndicator { get; init; }
    [Id(1)] public required string TradeIndicator { get; init; }
    [Id(2)] public required string World { get; init; }
    [Id(3)] public required string[] Universe { get; init; }
    [Id(4)] public required int Variant { get; init; }
    [Id(5)] public int Year { get; init; }
    [Id(6)] public double GdpShare { get; init; } = double.NaN;
    [Id(7)] public double TradeShare { get; init; } = double.NaN;
    [Id(8)] public double Share { get; init; } = double.NaN;
    [Id(9)] public string WorldSource { get; init; } = string.Empty;
}
