using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Grains.Tests.Support;
using static TradeGrid.Grains.Tests.Scenarios.Bilateral.BilateralScenarioData;

namespace TradeGrid.Grains.Tests.Scenarios.Bilateral;

/// <summary>
/// Bilateral fits a scenario does not project are refused before anything starts, naming why: fixed effects (pair
/// effects would need each pair's recovered effect) and a regressor of the pair's own series (not forecast).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BilateralScenarioRefusalTests(TwoSiloCluster cluster)
{
    [Fact]
    public async Task A_bilateral_fit_with_pair_effects_is_refused_naming_the_effects()
    {
        await SeedOnceAsync(cluster.Grains);
        DesignSpec spec = Spec(EstimatorKind.Ols) with { Effects = EffectsKind.Pair };
        FitOutcome fit = await cluster.Grains.FitCoordinator(spec.FitId()).Fit(spec, 1_000_000);

        InvalidSpecException ex = await Assert.ThrowsAsync<InvalidSpecException>(() =>
            new ScenarioCoordinator(cluster.Grains).PlanAsync(Request(fit.FitId, 0, 1), CancellationToken.None));

        Assert.Contains("is bilateral with fixed effects (Pair)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("fit the model without effects", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_regressor_of_the_pair_series_is_refused_naming_it()
    {
        await SeedOnceAsync(cluster.Grains);
        DesignSpec spec = Spec(EstimatorKind.Ols);
        spec = spec with { Regressors = [.. spec.Regressors, new VariableSpec(Dependent, TransformKind.Log, 1, SideKind.Pair)] };
        FitOutcome fit = await cluster.Grains.FitCoordinator(spec.FitId()).Fit(spec, 1_000_000);

        InvalidSpecException ex = await Assert.ThrowsAsync<InvalidSpecException>(() =>
            new ScenarioCoordinator(cluster.Grains).PlanAsync(Request(fit.FitId, 0, 1), CancellationToken.None));

        Assert.Contains("has regressor lag1(log(pair:bx_y)), a series of the pair itself", ex.Message, StringComparison.Ordinal);
    }
}
