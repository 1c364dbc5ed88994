using TradeGrid.Api.V1;
using TradeGrid.Domain;

namespace TradeGrid.Api.Estimation;

/// <summary>
/// The rcep-digital-services preset: the RCEP paper's model of a reporter's (default China's) digital-services exports
/// to each RCEP partner on the partner's ln GDP, institutional openness, digital infrastructure and ln ICT service
/// exports. OLS on logs by default; with ESTIMATOR_PPML the exports enter in levels. Every code is configurable.
/// </summary>
public static class RcepPreset
{
    public const string Name = "rcep-digital-services";
    public const string DefaultReporter = "CHN";
    public const string DefaultPartnerGroup = "RCEP";
    public const string DefaultExports = "UNCTAD_DE_DIG_SERVTRADE_ANN_EXP";
    public const string DefaultGdp = "NY.GDP.MKTP.CD";
    public const string DefaultOpenness = "KAOPEN";
    public const string DefaultDigital = "IT.NET.USER.ZS";
    public const string DefaultIct = "BX.GSR.CCIS.CD";

    /// <summary>The request's model: its spec, or the preset's with the spec's estimator, effects, covariance, years and options laid over.</summary>
    public static ModelSpec Apply(FitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string preset = request.Preset?.Trim() ?? string.Empty;
        if (preset.Length == 0)
        {
            return request.Spec ?? throw new InvalidSpecException($"spec: give a model spec, or a preset ({Name})");
        }

        if (!preset.Equals(Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidSpecException($"preset: unknown preset '{preset}'; the presets are: {Name}");
        }

        ModelSpec overlay = request.Spec ?? new ModelSpec();
        if (overlay.Dependent is not null || overlay.Regressors.Count > 0)
        {
            throw new InvalidSpecException("spec: with a preset, leave dependent and regressors unset (set the codes in rcep instead)");
        }

        RcepPresetOptions o = request.Rcep ?? new RcepPresetOptions();
        bool ppml = overlay.Estimator == Estimator.Ppml;
        var spec = new ModelSpec
        {
            Dependent = new ModelVariable
            {
                Indicator = Or(o.ExportsIndicator, DefaultExports),
                Transform = ppml ? VariableTransform.Level : VariableTransform.Log,
            },
            Sample = new ModelSample { From = overlay.Sample?.From ?? 0, To = overlay.Sample?.To ?? 0 },
            FixedEffects = overlay.FixedEffects,
            Estimator = overlay.Estimator,
            Covariance = overlay.Covariance,
            ConfidenceLevel = overlay.ConfidenceLevel,
            DropCollinear = overlay.DropCollinear,
            DropNonpositiveLog = overlay.DropNonpositiveLog,
        };
        spec.Sample.Economies.Add(Or(o.Reporter, DefaultReporter));
        spec.Sample.PartnerGroups.Add(Or(o.PartnerGroup, DefaultPartnerGroup));
        spec.Regressors.Add(Partner(Or(o.GdpIndicator, DefaultGdp), VariableTransform.Log));
        spec.Regressors.Add(Partner(Or(o.OpennessIndicator, DefaultOpenness), VariableTransform.Level));
        spec.Regressors.Add(Partner(Or(o.DigitalIndicator, DefaultDigital), VariableTransform.Level));
        spec.Regressors.Add(Partner(Or(o.IctIndicator, DefaultIct), VariableTransform.Log));
        return spec;
    }

    private static ModelVariable Partner(string indicator, VariableTransform transform) =>
        new() { Indicator = indicator, Transform = transform, Side = VariableSide.Partner };

    private static string Or(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}
