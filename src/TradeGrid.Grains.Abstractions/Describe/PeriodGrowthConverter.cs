using TradeGrid.Numerics.Describe;

namespace TradeGrid.Grains.Abstractions.Describe;

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
