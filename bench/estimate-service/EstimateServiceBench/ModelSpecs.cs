using TradeGrid.Api.V1;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// The three models of bench/estimate as FitRequests on the imported panel. Regressors: the reporter's ln GDP, the
/// partner's ln GDP, openness and internet use, the pair's cost. The server clusters by reporter (one economy = one
/// cluster), so every cluster covariance here is by reporter: CR1 for ols_cluster and fe_two_way, CR0 for ppml_pair_year.
/// The structural gravity models are formula fits of the pair's cost with reporter×year, partner×year and pair effects,
/// clustered by pair (the server's formula fits cluster by any dimension): sg_ols of ln y (CR1, fixest's default
/// small-sample factor), sg_ppml of y (CR0). sg_ols_grains and sg_ppml_grains are the same fits absorbed in the
/// economy grains (absorb_in_grains: no row leaves its economy, every sweep a gather of per-group sums); not run
/// unless named with --models.
/// </summary>
internal static class ModelSpecs
{
    public static readonly string[] Models = ["ols_cluster", "fe_two_way", "ppml_pair_year", "sg_ols", "sg_ppml"];

    /// <summary>Models run only when named.</summary>
    public static readonly string[] Optional = ["sg_ols_grains", "sg_ppml_grains"];

    /// <summary>Structural gravity models: only the pair's cost is identified, and the library side has no such fit.</summary>
    public static bool IsStructural(string model) => model.StartsWith("sg_", StringComparison.Ordinal);

    public static FitRequest Request(string model, int reporters, int partners, int firstYear, int lastYear, double level)
    {
        var spec = new ModelSpec
        {
            Sample = new ModelSample { From = firstYear, To = lastYear },
            ConfidenceLevel = level,
        };
        spec.Sample.Economies.AddRange(Enumerable.Range(0, reporters).Select(PanelCodes.Reporter));
        spec.Sample.Partners.AddRange(Enumerable.Range(0, partners).Select(PanelCodes.Partner));
        if (IsStructural(model))
        {
            return new FitRequest { Spec = StructuralGravity(spec, model) };
        }

        spec.Regressors.Add(Variable(PanelCodes.LnGdp, VariableSide.Reporter));
        spec.Regressors.Add(Variable(PanelCodes.LnGdp, VariableSide.Partner));
        spec.Regressors.Add(Variable(PanelCodes.Openness, VariableSide.Partner));
        spec.Regressors.Add(Variable(PanelCodes.Internet, VariableSide.Partner));
        spec.Regressors.Add(Variable(PanelCodes.BilateralCost, VariableSide.Pair));
        switch (model)
        {
            case "ols_cluster":
                spec.Dependent = Variable(PanelCodes.LogY, VariableSide.Unspecified);
                spec.Estimator = Estimator.Ols;
                spec.FixedEffects = FixedEffectsKind.None;
                spec.Covariance = CovarianceType.Cluster;
                break;
            case "fe_two_way":
                spec.Dependent = Variable(PanelCodes.LogY, VariableSide.Unspecified);
                spec.Estimator = Estimator.Ols;
                spec.FixedEffects = FixedEffectsKind.PairYear;
                spec.Covariance = CovarianceType.Cluster;
                break;
            case "ppml_pair_year":
                spec.Dependent = Variable(PanelCodes.Y, VariableSide.Unspecified);
                spec.Estimator = Estimator.Ppml;
                spec.FixedEffects = FixedEffectsKind.PairYear;
                spec.Covariance = CovarianceType.ClusterCr0;
                break;
            default:
                throw new ArgumentException($"Unknown model '{model}'.", nameof(model));
        }

        return new FitRequest { Spec = spec };
    }

    private static ModelSpec StructuralGravity(ModelSpec spec, string model)
    {
        const string effects = "reporter^year + partner^year + pair";
        // A bare code in a bilateral sample is the pair's series.
        (string dependent, Estimator estimator, CovarianceType covariance) = model switch
        {
            "sg_ols" or "sg_ols_grains" => (PanelCodes.LogY, Estimator.Ols, CovarianceType.Cluster),
            "sg_ppml" or "sg_ppml_grains" => (PanelCodes.Y, Estimator.Ppml, CovarianceType.ClusterCr0),
            _ => throw new ArgumentException($"Unknown model '{model}'.", nameof(model)),
        };
        spec.Formula = $"{dependent} ~ {PanelCodes.BilateralCost} | {effects}";
        spec.Estimator = estimator;
        spec.Covariance = covariance;
        spec.Cluster.Add("pair");
        spec.AbsorbInGrains = model.EndsWith("_grains", StringComparison.Ordinal);
        return spec;
    }

    private static ModelVariable Variable(string indicator, VariableSide side) =>
        new() { Indicator = indicator, Transform = VariableTransform.Level, Side = side };
}
