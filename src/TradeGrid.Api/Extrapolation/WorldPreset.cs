using TradeGrid.Api.V1;
using TradeGrid.Domain;

namespace TradeGrid.Api.Extrapolation;

/// <summary>
/// The preset "itc-box2", on the default dataset's codes: the share of digital trade in an economy's trade as the
/// ITC report publishes it (PUB_DIGITALIZATION_PCT, percent), PWT's merchandise trade and output-side GDP, drivers
/// ln GDP and trade openness, values as of up to 7 years before (PWT 9.1 ends in 2017, the shares are for 2020 and
/// 2024). Fields the request sets override the preset's.
/// </summary>
public static class WorldPreset
{
    public const string Name = "itc-box2";

    public static EstimateWorldRequest Apply(EstimateWorldRequest request)
    {
        string preset = request.Preset.Trim();
        if (preset.Length == 0 && request.ShareIndicator.Length > 0)
        {
            return request;
        }

        if (preset.Length > 0 && preset != Name)
        {
            throw new Domain.InvalidSpecException($"preset: unknown preset {InputQuote.Quote(request.Preset)}; the one preset is '{Name}' (or leave it empty and name share_indicator)");
        }

        EstimateWorldRequest r = request.Clone();
        r.ShareIndicator = Or(r.ShareIndicator, "PUB_DIGITALIZATION_PCT");
        if (request.ShareIndicator.Length == 0 && r.ShareUnit == ShareUnit.Unspecified)
        {
            r.ShareUnit = ShareUnit.Percent;
        }

        r.TradeIndicator = Or(r.TradeIndicator, "trade");
        r.GdpIndicator = Or(r.GdpIndicator, "cgdpo");
        if (r.Drivers.Count == 0)
        {
            r.Drivers.Add(new ModelVariable { Indicator = "cgdpo", Transform = VariableTransform.Log });
            r.Drivers.Add(new ModelVariable { Indicator = "openness", Transform = VariableTransform.Level });
        }

        r.DriverMaxAge = request.DriverMaxAge == 0 ? 7 : request.DriverMaxAge;
        return r;
    }

    private static string Or(string value, string fallback) => value.Length == 0 ? fallback : value;
}
