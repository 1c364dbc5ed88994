using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>Sends and stores a <see cref="WorldEstimate"/> as a <see cref="WorldEstimateSurrogate"/>: its ten numbers in declaration order, then the counts.</summary>
[RegisterConverter]
public sealed class WorldEstimateConverter : IConverter<WorldEstimate, WorldEstimateSurrogate>
{
    public WorldEstimateSurrogate ConvertToSurrogate(in WorldEstimate value) => new()
    {
        Totals = [value.ReportedTotal, value.EstimatedTotal, value.CoveredTotal, value.GdpShare, value.TradeShare, value.Share,
            value.World, value.StandardError, value.Lower, value.Upper],
        Reported = value.Reported,
        Estimated = value.Estimated,
    };

    public WorldEstimate ConvertFromSurrogate(in WorldEstimateSurrogate surrogate)
    {
        double[] t = surrogate.Totals;
        return new WorldEstimate(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], surrogate.Reported, surrogate.Estimated);
    }
}
