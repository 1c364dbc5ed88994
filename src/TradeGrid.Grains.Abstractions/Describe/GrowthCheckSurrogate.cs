using TradeGrid.Numerics.Describe;

namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>The wire form of <see cref="Numerics.Describe.GrowthCheck"/>.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.GrowthCheck")]
public struct GrowthCheckSurrogate
{
    [Id(0)] public string Label;
    [Id(1)] public int FromYear;
    [Id(2)] public int ToYear;
    [Id(3)] public double StatedPercent;
    [Id(4)] public double RecomputedPercent;
    [Id(5)] public double LowPercent;
    [Id(6)] public double HighPercent;
    [Id(7)] public bool Flagged;
}

/// <summary>Lets a <see cref="GrowthCheck"/> cross grain calls as a <see cref="GrowthCheckSurrogate"/>.</summary>
[RegisterConverter]
public sealed class GrowthCheckConverter : IConverter<GrowthCheck, GrowthCheckSurrogate>
{
    public GrowthCheck ConvertFromSurrogate(in GrowthCheckSurrogate surrogate) => new(
        surrogate.Label, surrogate.FromYear, surrogate.ToYear, surrogate.StatedPercent, surrogate.RecomputedPercent,
        surrogate.LowPercent, surrogate.HighPercent, surrogate.Flagged);

    public GrowthCheckSurrogate ConvertToSurrogate(in GrowthCheck value) => new()
    {
        Label = value.Label,
        FromYear = value.FromYear,
        ToYear = value.ToYear,
        StatedPercent = value.StatedPercent,
        RecomputedPercent = value.RecomputedPercent,
        LowPercent = value.LowPercent,
        HighPercent = value.HighPercent,
        Flagged = value.Flagged,
    };
}
