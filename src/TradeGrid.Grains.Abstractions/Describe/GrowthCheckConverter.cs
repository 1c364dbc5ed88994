using TradeGrid.Numerics.Describe;

namespace TradeGrid.Grains.Abstractions.Describe;

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
