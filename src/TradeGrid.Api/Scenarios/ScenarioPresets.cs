using TradeGrid.Api.Estimation;
using TradeGrid.Api.Extrapolation;
using TradeGrid.Api.V1;
using TradeGrid.Domain;

namespace TradeGrid.Api.Scenarios;

/// <summary>
/// Scenario presets. <c>itc-world-2030</c>: the ITC Box 2 world share model (itc-box2: logit of the digital share of
/// trade on ln GDP and openness), every driver forecast by auto, GDP (cgdpo) +1% a year compounding from the first
/// projected year in every economy, to 2030; the projected value is share × trade, summed to the world.
/// <c>rcep-openness</c>: the RCEP paper's bilateral model (the rcep-digital-services fit preset: China's digitally
/// deliverable services exports by partner) with Chinn-Ito openness as KA_OPEN, the index rescaled to [0, 1]; the
/// RCEP members' openness +10% from the first projected year, to 2030, China's exports to every partner it has them
/// with projected, RCEP reported as a group of partners. Fields the request sets override the preset's.
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
            return (Rcep(spec), false);
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

    /// <summary>
    /// The rcep-openness spec. Openness is Chinn-Ito's KA_OPEN (KAOPEN rescaled to [0, 1]), not the fit preset's default
    /// KAOPEN: KAOPEN is centred near zero and negative for half the RCEP members (Indonesia, Laos, Malaysia, the
    /// Philippines, Thailand, Viet Nam in 2022), where +10% would lower their openness.
    /// </summary>
    private static ScenarioSpec Rcep(ScenarioSpec spec)
    {
        if (spec.FitId.Length > 0 || spec.Fit is not null)
        {
            throw new InvalidSpecException($"preset: {RcepOpenness} brings its own model (the {RcepPreset.Name} fit); leave fit_id and fit unset");
        }

        ScenarioSpec s = spec.Clone();
        s.Preset = RcepOpenness;
        s.Fit = new FitRequest { Preset = RcepPreset.Name, Rcep = new RcepPresetOptions { OpennessIndicator = RcepOpennessIndicator } };
        if (s.TargetYear == 0)
        {
            s.TargetYear = 2030;
        }

        if (s.Shocks.Count == 0)
        {
            var openness = new ScenarioShock { Indicator = RcepOpennessIndicator, Kind = ShockKind.Percent, Value = 10.0 };
            openness.Groups.Add(RcepPreset.DefaultPartnerGroup);
            s.Shocks.Add(openness);
        }

        if (s.Groups.Count == 0)
        {
            s.Groups.Add(RcepPreset.DefaultPartnerGroup);
        }

        return s;
    }

    /// <summary>Chinn-Ito's capital-account openness rescaled to [0, 1] (ka_open).</summary>
    public const string RcepOpennessIndicator = "KA_OPEN";

    /// <summary>The world model's request: the itc-box2 preset of EstimateWorld.</summary>
    public static EstimateWorldRequest WorldRequest() => WorldPreset.Apply(new EstimateWorldRequest { Preset = WorldPreset.Name });
}
