using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Estimation;

/// <summary>Model specs the estimation tests send.</summary>
public static class Specs
{
    public static ModelVariable Log(string indicator) => new() { Indicator = indicator, Transform = VariableTransform.Log };

    public static ModelVariable Level(string indicator) => new() { Indicator = indicator, Transform = VariableTransform.Level };

    /// <summary>ln rgdpna on ln pop, ln hc and openness (PWT), for the economies of a group over a year range.</summary>
    public static ModelSpec Pwt(string group, int from, int to, FixedEffectsKind effects, CovarianceType covariance, Estimator estimator = Estimator.Ols)
    {
        var spec = new ModelSpec
        {
            Dependent = estimator == Estimator.Ppml ? Level("rgdpna") : Log("rgdpna"),
            Sample = new ModelSample { From = from, To = to },
            FixedEffects = effects,
            Covariance = covariance,
            Estimator = estimator,
        };
        spec.Sample.Groups.Add(group);
        spec.Regressors.Add(Log("pop"));
        spec.Regressors.Add(Log("hc"));
        spec.Regressors.Add(Level("openness"));
        return spec;
    }
}
