using TradeGrid.Api.Extrapolation;
using TradeGrid.Api.V1;
using TradeGrid.Domain;

namespace TradeGrid.Api.Scenarios;

/// <summary>
/// Scenario presets. <c>itc-world-2030</c>: the ITC Box 2 world share model (itc-box2: logit of the digital share of
/// trade on ln GDP and openness), every driver forecast by auto, GDP (cgdpo) +1% a year compounding from the first
/// projected year in every economy, to 2030; the projected value is share × trade, summed to the world.
/// <c>rcep-openness</c> is refused with the reason (its model is bilateral). Fields the request sets override the preset's.
/// </summary>
public static class ScenarioPresets
{
    public const string ItcWorld2030 = "itc-world-2030";
    public const string RcepOpenness = "rcep-openness";

    /// <summary>The spec with the preset's fields where the request left them unset; whether the model is the world share model.</summary>
    public static (ScenarioSpec Spec, bool WorldModel) Apply(ScenarioSpec spec)
    {
        string preset = spec.Preset.Trim();
        if (preset.Length == 0)
        {
            return (spec, false);
        }

        if (preset.Equals(RcepOpenness, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidSpecException(
                $"preset: {RcepOpenness} projects China's services exports by partner (a bilateral reporter → partner model), and scenarios project "
                + $"unilateral models only; use {ItcWorld2030}, or a fit_id of a unilateral fit");
        }

        if (!preset.Equals(ItcWorld2030, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidSpecException($"preset: unknown preset {InputQuote.Quote(spec.Preset)}; the presets are: {ItcWorld2030}, {RcepOpenness}");
        }

        if (spec.FitId.Length > 0 || spec.Fit is not null)
        {
            throw new InvalidSpecException($"preset: {ItcWorld2030} brings its own model; leave fit_id and fit unset");
        }

        ScenarioSpec s = spec.Clone();
        s.Preset = ItcWorld2030;
        if (s.TargetYear == 0)
        {
            s.TargetYear = 2030;
        }

        if (s.Shocks.Count == 0)
        {
            var gdp = new ScenarioShock { Indicator = "cgdpo", Kind = ShockKind.Percent, Value = 1.0, PerYear = true };
            gdp.Groups.Add("WLD");
            s.Shocks.Add(gdp);
        }

        return (s, true);
    }

    /// <summary>The world model's request: the itc-box2 preset of EstimateWorld.</summary>
    public static EstimateWorldRequest WorldRequest() => WorldPreset.Apply(new EstimateWorldRequest { Preset = WorldPreset.Name });
}
