using TradeGrid.Numerics.Describe;

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

/// <summary>Lets a <see cref="PeriodGrowth"/> cross grain calls as a <see cref="PeriodGrowthSurrogate"/>.</summary>
[RegisterConverter]
public sealed class PeriodGrowthConverter : IConverter<PeriodGrowth, PeriodGrowthSurrogate>
{
    public PeriodGrowth ConvertFromSurrogate(in PeriodGrowthSurrogate surrogate) => new(
        surrogate.FromYear, surrogate.ToYear, surrogate.FromValue, surrogate.ToValue,
        surrogate.TotalPercent, surrogate.CagrPercent, surrogate.LogPercentPerYear);

    public PeriodGrowthSurrogate ConvertToSurrogate(in PeriodGrowth value) => new()
    {
        FromYear = value.FromYear,
        ToYear = value.ToYear,
        FromValue = value.FromValue,
        ToValue = value.ToValue,
        TotalPercent = value.TotalPercent,
        CagrPercent = value.CagrPercent,
        LogPercentPerYear = value.LogPercentPerYear,
    };
}
