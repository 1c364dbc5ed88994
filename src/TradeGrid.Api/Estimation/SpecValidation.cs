using TradeGrid.Api.Catalog;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Api.Estimation;

/// <summary>
/// Turns a ModelSpec into a <see cref="DesignSpec"/>: every field checked (the message names the field and what to send),
/// groups expanded into economies, codes checked against a fresh catalogue (unknown → NotFound), defaults filled in.
/// </summary>
public static class SpecValidation
{
    public const int MaxLag = 50;

    /// <summary>Codes one sum may join.</summary>
    public const int MaxSumParts = 20;

    public static DesignSpec Resolve(ModelSpec spec, CatalogView view, EstimateLimits limits)
    {
        ArgumentNullException.ThrowIfNull(spec);
        EstimatorKind estimator = spec.Estimator switch
        {
            Estimator.Unspecified or Estimator.Ols => EstimatorKind.Ols,
            Estimator.Ppml => EstimatorKind.Ppml,
            _ => throw new InvalidSpecException($"estimator: {(int)spec.Estimator} is not an estimator; use ESTIMATOR_OLS or ESTIMATOR_PPML"),
        };
        EffectsKind effects = spec.FixedEffects switch
        {
            FixedEffectsKind.Unspecified or FixedEffectsKind.None => EffectsKind.None,
            FixedEffectsKind.Economy => EffectsKind.Economy,
            FixedEffectsKind.Year => EffectsKind.Year,
            FixedEffectsKind.TwoWay => EffectsKind.TwoWay,
            FixedEffectsKind.Pair => EffectsKind.Pair,
            FixedEffectsKind.PairYear => EffectsKind.PairYear,
            _ => throw new InvalidSpecException($"fixed_effects: {(int)spec.FixedEffects} is not a kind of fixed effects; use NONE, ECONOMY, YEAR, TWO_WAY, PAIR or PAIR_YEAR"),
        };
        CovarianceChoice covariance = spec.Covariance switch
        {
            CovarianceType.Unspecified or CovarianceType.Hc1 => CovarianceChoice.Hc1,
            CovarianceType.Classical => CovarianceChoice.Classical,
            CovarianceType.Hc0 => CovarianceChoice.Hc0,
            CovarianceType.Cluster => CovarianceChoice.ClusterCr1,
            CovarianceType.ClusterCr0 => CovarianceChoice.ClusterCr0,
            _ => throw new InvalidSpecException($"covariance: {(int)spec.Covariance} is not a covariance; use CLASSICAL, HC0, HC1, CLUSTER or CLUSTER_CR0"),
        };
        double level = RequestValidation.Level(spec.ConfidenceLevel, "confidence_level");

        ModelSample sample = spec.Sample ?? new ModelSample();
        (int from, int to) = RequestValidation.YearRange(sample.From, sample.To, "sample.from", "sample.to");
        if (AbsorbedSpecValidation.Applies(spec))
        {
            var basics = new DesignSpec
            {
                Dependent = new VariableSpec(string.Empty, TransformKind.Level, 0, SideKind.Reporter),
                Regressors = [],
                Economies = [],
                Partners = [],
                From = from,
                To = to,
                Effects = EffectsKind.None,
                Estimator = estimator,
                Covariance = covariance,
                ConfidenceLevel = level,
                DropCollinear = spec.DropCollinear,
                DropNonpositiveLog = spec.DropNonpositiveLog,
            };
            return AbsorbedSpecValidation.Resolve(spec, view, limits, basics);
        }

        string[] economies = Economies(view, sample.Economies, sample.Groups, "sample.economies", "sample.groups");
        if (economies.Length == 0)
        {
            throw new InvalidSpecException("sample: name economies or groups (e.g. groups: [\"WLD\"] for every economy)");
        }

        string[] partners = Economies(view, sample.Partners, sample.PartnerGroups, "sample.partners", "sample.partner_groups");
        bool bilateral = partners.Length > 0;
        if (!bilateral && effects is EffectsKind.Pair or EffectsKind.PairYear)
        {
            throw new InvalidSpecException("fixed_effects: pair effects need bilateral rows; name sample.partners or sample.partner_groups, or use ECONOMY");
        }

        if (spec.Dependent is null)
        {
            throw new InvalidSpecException("dependent: the dependent variable is required, e.g. {\"indicator\": \"rgdpna\", \"transform\": \"VARIABLE_TRANSFORM_LOG\"}");
        }

        VariableSpec dependent = Variable(spec.Dependent, view, "dependent", bilateral);
        if (spec.Dependent.Side != VariableSide.Unspecified || dependent.Transform == TransformKind.Difference || dependent.Lag != 0)
        {
            throw new InvalidSpecException("dependent: the dependent is the reporter's series (bilateral: to each partner) at t; "
                + "leave side and lag unset and use LEVEL, LOG or LOG1P");
        }

        if (estimator == EstimatorKind.Ppml && dependent.Transform != TransformKind.Level)
        {
            throw new InvalidSpecException("dependent.transform: PPML models the level of the dependent (its mean is exp(xβ)); use LEVEL");
        }

        if (spec.Regressors.Count == 0)
        {
            throw new InvalidSpecException("regressors: give at least one regressor");
        }

        if (spec.Regressors.Count > limits.MaxRegressors)
        {
            throw new ResourceLimitException($"regressors: {spec.Regressors.Count} regressors, over the server's limit of {limits.MaxRegressors}");
        }

        VariableSpec[] regressors = spec.Regressors.Select((r, i) => Variable(r, view, $"regressors[{i}]", bilateral)).ToArray();
        return new DesignSpec
        {
            Dependent = dependent,
            Regressors = regressors,
            Economies = economies,
            Partners = partners,
            From = from,
            To = to,
            Effects = effects,
            Estimator = estimator,
            Covariance = covariance,
            ConfidenceLevel = level,
            DropCollinear = spec.DropCollinear,
            DropNonpositiveLog = spec.DropNonpositiveLog,
        };
    }

    internal static VariableSpec Variable(ModelVariable variable, CatalogView view, string field, bool bilateral)
    {
        string indicator = Indicator(view, variable.Indicator, field + ".indicator");

        if (variable.Lag < 0 || variable.Lag > MaxLag)
        {
            throw new InvalidSpecException($"{field}.lag: {variable.Lag} must lie in 0–{MaxLag}");
        }

        (TransformKind transform, int lag) = variable.Transform switch
        {
            VariableTransform.Unspecified or VariableTransform.Level => (TransformKind.Level, variable.Lag),
            VariableTransform.Log => (TransformKind.Log, variable.Lag),
            VariableTransform.Log1P => (TransformKind.Log1p, variable.Lag),
            VariableTransform.Lag => (TransformKind.Level, variable.Lag == 0 ? 1 : variable.Lag),
            VariableTransform.Difference => (TransformKind.Difference, variable.Lag == 0 ? 1 : variable.Lag),
            _ => throw new InvalidSpecException($"{field}.transform: {(int)variable.Transform} is not a transform; use LEVEL, LOG, LOG1P, LAG or DIFFERENCE"),
        };
        SideKind side = variable.Side switch
        {
            VariableSide.Unspecified or VariableSide.Reporter => SideKind.Reporter,
            VariableSide.Partner => SideKind.Partner,
            VariableSide.Pair => SideKind.Pair,
            _ => throw new InvalidSpecException($"{field}.side: {(int)variable.Side} is not a side; use REPORTER, PARTNER or PAIR"),
        };
        if (side != SideKind.Reporter && !bilateral)
        {
            throw new InvalidSpecException($"{field}.side: PARTNER and PAIR variables need bilateral rows; name sample.partners or sample.partner_groups");
        }

        return new VariableSpec(indicator, transform, lag, side);
    }

    /// <summary>
    /// A known code, or a sum of known codes joined by '+' when the whole is not itself a code (e.g. BaTIS's digitally
    /// deliverable services BATIS_X_SF+BATIS_X_SG+…+BATIS_X_SK): the variable is then the sum of the series, in the
    /// years where every part has a value.
    /// </summary>
    internal static string Indicator(CatalogView view, string value, string field)
    {
        string text = value?.Trim() ?? string.Empty;
        if (!text.Contains('+', StringComparison.Ordinal) || view.Indicators.ContainsKey(text))
        {
            return view.RequireIndicator(value ?? string.Empty, field);
        }

        string[] parts = text.Split('+');
        if (parts.Length > MaxSumParts)
        {
            throw new InvalidSpecException($"{field}: a sum of {parts.Length} codes; give at most {MaxSumParts}");
        }

        return string.Join('+', parts.Select((p, i) => view.RequireIndicator(p, $"{field} (part {i + 1} of the sum)")));
    }

    /// <summary>A sample's economies: a selection, so a group's members in any year (CatalogResolver's membership-year rule).</summary>
    internal static string[] Economies(CatalogView view, IEnumerable<string> codes, IEnumerable<string> groups, string codesField, string groupsField) =>
        view.Select(codes, codesField, groups, groupsField).Economies;
}
