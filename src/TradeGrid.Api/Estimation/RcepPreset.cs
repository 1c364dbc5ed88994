using TradeGrid.Api.Catalog;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Api.Estimation;

/// <summary>
/// The rcep-digital-services preset: the RCEP paper's model of a reporter's (default China's) digitally deliverable
/// services exports to each RCEP partner on the partner's ln GDP, institutional openness, digital infrastructure and
/// ln ICT service exports. OLS on logs by default; with ESTIMATOR_PPML the exports enter in levels. Every code is
/// configurable; the defaults are the codes of OECD-WTO BaTIS (exports by partner), WDI and Chinn-Ito, none of which
/// is in the default dataset: a code the catalogue lacks is NotFound naming the field and the data to import.
/// </summary>
public static class RcepPreset
{
    public const string Name = "rcep-digital-services";
    public const string DefaultReporter = "CHN";
    public const string DefaultPartnerGroup = "RCEP";

    /// <summary>
    /// BaTIS (EBOPS 2010) exports to the partner of insurance and pension (SF), financial (SG), IP charges (SH),
    /// telecom, computer and information (SI), other business (SJ) and personal, cultural and recreational services
    /// (SK): UNCTAD's digitally deliverable services, with audiovisual SK.1 not split out of SK. A sum of codes.
    /// </summary>
    public const string DefaultExports = "BATIS_X_SF+BATIS_X_SG+BATIS_X_SH+BATIS_X_SI+BATIS_X_SJ+BATIS_X_SK";
    public const string DefaultGdp = "NY.GDP.MKTP.CD";
    public const string DefaultOpenness = "KAOPEN";
    public const string DefaultDigital = "IT.NET.USER.ZS";
    public const string DefaultIct = "BX.GSR.CCIS.CD";

    /// <summary>
    /// The request's model resolved against the catalogue, stamped with the preset's name when one was used: the one
    /// call a service needs. A preset code the catalogue lacks is NotFound naming the rcep field and what to import.
    /// </summary>
    public static DesignSpec Resolve(FitRequest request, CatalogView view, EstimateLimits limits)
    {
        ArgumentNullException.ThrowIfNull(view);
        ModelSpec spec = Apply(request);
        if (string.IsNullOrWhiteSpace(request.Preset))
        {
            return SpecValidation.Resolve(spec, view, limits);
        }

        RcepPresetOptions o = request.Rcep ?? new RcepPresetOptions();
        RcepSeriesHints.Require(view, "rcep.exports_indicator", Or(o.ExportsIndicator, DefaultExports));
        RcepSeriesHints.Require(view, "rcep.gdp_indicator", Or(o.GdpIndicator, DefaultGdp));
        RcepSeriesHints.Require(view, "rcep.openness_indicator", Or(o.OpennessIndicator, DefaultOpenness));
        RcepSeriesHints.Require(view, "rcep.digital_indicator", Or(o.DigitalIndicator, DefaultDigital));
        RcepSeriesHints.Require(view, "rcep.ict_indicator", Or(o.IctIndicator, DefaultIct));
        return SpecValidation.Resolve(spec, view, limits) with { Preset = Name };
    }

    /// <summary>The request's model: its spec, or the preset's with the spec's estimator, effects, covariance, clusters, years and options laid over.</summary>
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
            throw new InvalidSpecException($"preset: unknown preset {InputQuote.Quote(preset)}; the presets are: {Name}");
        }

        ModelSpec overlay = request.Spec ?? new ModelSpec();
        if (overlay.Dependent is not null || overlay.Regressors.Count > 0 || !string.IsNullOrWhiteSpace(overlay.Formula))
        {
            throw new InvalidSpecException("spec: with a preset, leave dependent, regressors and formula unset (set the codes in rcep instead)");
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
            KeepSingletons = overlay.KeepSingletons,
            AbsorbInGrains = overlay.AbsorbInGrains,
        };
        // Effects and clusters by name (e.g. effects ["partner"], cluster ["partner"]) take the absorbed path.
        spec.Effects.Add(overlay.Effects);
        spec.Cluster.Add(overlay.Cluster);
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
