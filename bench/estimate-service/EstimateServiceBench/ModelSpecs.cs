using TradeGrid.Api.V1;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// The three models of bench/estimate as FitRequests on the imported panel. Regressors: the reporter's ln GDP, the
/// partner's ln GDP, openness and internet use, the pair's cost. The server clusters by reporter (one economy = one
/// cluster), so every cluster covariance here is by reporter: CR1 for ols_cluster and fe_two_way, CR0 for ppml_pair_year.
/// </summary>
internal static class ModelSpecs
{
    public static readonly string[] Models = ["ols_cluster", "fe_two_way", "ppml_pair_year"];

    public static FitRequest Request(string model, int reporters, int partners, int firstYear, int lastYear, double level)
    {
        var spec = new ModelSpec
        {
            Sample = new ModelSample { From = firstYear, To = lastYear },
            ConfidenceLevel = level,
        };
        spec.Sample.Economies.AddRange(Enumerable.Range(0, reporters).Select(PanelCodes.Reporter));
        spec.Sample.Partners.AddRange(Enumerable.Range(0, partners).Select(PanelCodes.Partner));
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

    private static ModelVariable Variable(string indicator, VariableSide side) =>
        new() { Indicator = indicator, Transform = VariableTransform.Level, Side = side };
}
