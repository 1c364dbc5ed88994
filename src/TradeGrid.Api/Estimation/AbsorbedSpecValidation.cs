using TradeGrid.Api.Catalog;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Api.Estimation;

/// <summary>
/// A ModelSpec in the effect-set language (<c>formula</c>, or <c>effects</c> with dependent and regressors) into an
/// absorbed <see cref="DesignSpec"/>. Without any sample, every economy (WLD) reports, and, when a set of effects, a
/// cluster or a side names partners, every economy is a partner. A sample that names reporters but no partners has
/// unilateral rows, and partner effects on them are refused. In a bilateral sample a variable without a side is the
/// pair's series, like the dependent.
/// </summary>
public static class AbsorbedSpecValidation
{
    public const int MaxClusterDimensions = 2;

    private static readonly string[] _bilateralDimensions = ["partner", "pair", "sympair"];

    public static bool Applies(ModelSpec spec) =>
        !string.IsNullOrWhiteSpace(spec.Formula) || spec.Effects.Count > 0 || spec.Cluster.Count > 0
        || spec.NoIntercept || spec.Domestic || spec.KeepSingletons || spec.AbsorbInGrains;

    public static DesignSpec Resolve(ModelSpec spec, CatalogView view, EstimateLimits limits, DesignSpec basics)
    {
        ParsedFormula parsed = Parse(spec);
        if (parsed.Terms.Count > limits.MaxRegressors)
        {
            throw new ResourceLimitException($"formula: {parsed.Terms.Count} terms, over the server's limit of {limits.MaxRegressors}");
        }

        ModelSample sample = spec.Sample ?? new ModelSample();
        bool bilateralNamed = parsed.Effects.Any(e => e.Split('^').Any(_bilateralDimensions.Contains))
            || spec.Cluster.Any(c => c.Split('^').Any(_bilateralDimensions.Contains))
            || parsed.Variables.Any(v => v.Side is VariableSide.Partner or VariableSide.Pair)
            || spec.Domestic;
        string[] economies = SpecValidation.Economies(view, sample.Economies, sample.Groups.Count == 0 && sample.Economies.Count == 0 ? [CatalogView.World] : sample.Groups,
            "sample.economies", "sample.groups");
        bool partnersGiven = sample.Partners.Count > 0 || sample.PartnerGroups.Count > 0;
        bool sampleGiven = partnersGiven || sample.Economies.Count > 0 || sample.Groups.Count > 0;
        string[] partners = partnersGiven || (bilateralNamed && !sampleGiven)
            ? SpecValidation.Economies(view, sample.Partners, partnersGiven ? sample.PartnerGroups : [CatalogView.World], "sample.partners", "sample.partner_groups")
            : [];
        bool bilateral = partners.Length > 0;
        foreach (string effect in parsed.Effects.Concat(spec.Cluster))
        {
            if (!bilateral && effect.Split('^').Any(_bilateralDimensions.Contains))
            {
                throw new InvalidSpecException($"effects: {effect} needs bilateral rows (reporter → partner); name sample.partners or sample.partner_groups, or use reporter and year effects");
            }
        }

        string[] clusters = spec.Cluster.Select((c, i) => Dimension(c, $"cluster[{i}]")).ToArray();
        if (clusters.Length > MaxClusterDimensions)
        {
            throw new InvalidSpecException($"cluster: {clusters.Length} dimensions; give one, or two for two-way clustering (e.g. reporter and partner)");
        }

        if (clusters.Length > 0 && basics.Covariance is not (CovarianceChoice.ClusterCr0 or CovarianceChoice.ClusterCr1))
        {
            throw new InvalidSpecException("cluster: clustering dimensions need covariance COVARIANCE_TYPE_CLUSTER or COVARIANCE_TYPE_CLUSTER_CR0");
        }

        if (spec.Domestic && !bilateral)
        {
            throw new InvalidSpecException("domestic: domestic flows exist only in bilateral samples; name sample.partners or sample.partner_groups");
        }

        if (spec.NoIntercept && parsed.Effects.Count > 0)
        {
            throw new InvalidSpecException("no_intercept: a model with fixed effects has no intercept to remove; drop no_intercept or the effects");
        }

        ModelVariable dependent = parsed.Dependent;
        if (dependent.Side != VariableSide.Unspecified || dependent.Lag != 0)
        {
            throw new InvalidSpecException("formula: the dependent is the reporter's series (bilateral: to each partner) at t; drop its side or lag");
        }

        if (basics.Estimator == EstimatorKind.Ppml && dependent.Transform is not (VariableTransform.Unspecified or VariableTransform.Level))
        {
            throw new InvalidSpecException("formula: PPML models the level of the dependent (its mean is exp(xβ)); write trade ~ …, not log(trade) ~ …");
        }

        VariableSpec dependentSpec = SpecValidation.Variable(dependent, view, "formula (dependent)", bilateral);
        VariableSpec[] variables = parsed.Variables.Select(v =>
        {
            ModelVariable sided = v.Clone();
            if (sided.Side == VariableSide.Unspecified)
            {
                sided.Side = bilateral ? VariableSide.Pair : VariableSide.Reporter;
            }

            return SpecValidation.Variable(sided, view, $"formula ({v.Indicator})", bilateral);
        }).ToArray();
        return basics with
        {
            Dependent = dependentSpec,
            Regressors = variables,
            Economies = economies,
            Partners = partners,
            Effects = EffectsKind.None,
            Absorbed = true,
            EffectSets = parsed.Effects.ToArray(),
            ClusterBy = clusters,
            Terms = parsed.Terms.Select(t => new TermSpec(t.Name, t.Factors.Select(f => f.Variable).ToArray(), t.Factors.Select(f => f.Power).ToArray())).ToArray(),
            AddIntercept = parsed.Intercept && !spec.NoIntercept,
            Domestic = spec.Domestic,
            KeepSingletons = spec.KeepSingletons,
            Formula = spec.Formula,
            AbsorbInGrains = spec.AbsorbInGrains,
        };
    }

    /// <summary>The formula, or a formula made of dependent, regressors and effects.</summary>
    private static ParsedFormula Parse(ModelSpec spec)
    {
        if (!string.IsNullOrWhiteSpace(spec.Formula))
        {
            if (spec.Dependent is not null || spec.Regressors.Count > 0 || spec.FixedEffects != FixedEffectsKind.Unspecified || spec.Effects.Count > 0)
            {
                throw new InvalidSpecException("formula: give either formula or dependent, regressors, fixed_effects and effects, not both");
            }

            return FormulaParser.Parse(spec.Formula);
        }

        if (spec.FixedEffects != FixedEffectsKind.Unspecified && spec.Effects.Count > 0)
        {
            throw new InvalidSpecException("effects: give either effects or fixed_effects (its values are shorthands: ECONOMY = reporter, TWO_WAY = reporter + year, PAIR_YEAR = pair + year)");
        }

        if (spec.Dependent is null || spec.Regressors.Count == 0)
        {
            throw new InvalidSpecException("dependent: give a dependent and at least one regressor, or a formula");
        }

        string[] effects = spec.Effects.Count > 0 ? spec.Effects.Select((e, i) => Dimension(e, $"effects[{i}]")).ToArray() : Shorthand(spec.FixedEffects);
        var variables = new List<ModelVariable>();
        var terms = new List<FormulaTerm>();
        foreach (ModelVariable r in spec.Regressors)
        {
            int index = variables.FindIndex(v => v.Equals(r));
            if (index < 0)
            {
                variables.Add(r);
                index = variables.Count - 1;
            }

            terms.Add(new FormulaTerm(Describe(r), [(index, 1)]));
        }

        return new ParsedFormula(spec.Dependent, variables, terms, effects.Length == 0, effects);
    }

    /// <summary>The enum's values as effect sets.</summary>
    public static string[] Shorthand(FixedEffectsKind kind) => kind switch
    {
        FixedEffectsKind.Economy => ["reporter"],
        FixedEffectsKind.Year => ["year"],
        FixedEffectsKind.TwoWay => ["reporter", "year"],
        FixedEffectsKind.Pair => ["pair"],
        FixedEffectsKind.PairYear => ["pair", "year"],
        _ => [],
    };

    private static string Dimension(string text, string field)
    {
        try
        {
            ParsedFormula parsed = FormulaParser.Parse($"y ~ x | {text}");
            if (parsed.Effects.Count != 1)
            {
                throw new InvalidSpecException($"{field}: one set per entry");
            }

            return parsed.Effects[0];
        }
        catch (InvalidSpecException)
        {
            throw new InvalidSpecException(
                $"{field}: '{text}' is not a set of effects; use reporter, partner, year, pair, sympair or products with ^ (e.g. reporter^year)");
        }
    }

    private static string Describe(ModelVariable r)
    {
        string code = r.Side switch
        {
            VariableSide.Partner => $"partner({r.Indicator})",
            VariableSide.Reporter => $"reporter({r.Indicator})",
            VariableSide.Pair => $"pair({r.Indicator})",
            _ => r.Indicator,
        };
        string inner = r.Transform switch
        {
            VariableTransform.Log => $"log({code})",
            VariableTransform.Log1P => $"log1p({code})",
            _ => code,
        };
        return r.Transform switch
        {
            VariableTransform.Difference => $"diff({code}, {Math.Max(r.Lag, 1)})",
            VariableTransform.Lag => $"lag({inner}, {Math.Max(r.Lag, 1)})",
            _ => r.Lag > 0 ? $"lag({inner}, {r.Lag})" : inner,
        };
    }
}
