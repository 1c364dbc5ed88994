namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>The wire form of <see cref="Numerics.Describe.PeriodGrowth"/>.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.PeriodGrowth")]
public struct PeriodGrowthSurrogate
{
    [Id(0)] public int FromYear;
    [Id(1)] public int ToYear;
    [Id(2)] public double FromValue;
    [Id(3)] public double ToValue;
    [Id(4)] public double TotalPercent;
    [Id(5)] public double CagrPercent;
    [Id(6)] public double LogPercentPerYear;
}
