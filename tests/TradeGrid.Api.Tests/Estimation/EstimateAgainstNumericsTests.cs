using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Api.Tests.Estimation;

/// <summary>
/// The grain path (each economy factors its own rows, the coordinator combines) against the single-process numerics
/// on the same rows, built here from GetPanel: every number of the response.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class EstimateAgainstNumericsTests(ServerFixture server)
{
    // Same least-squares problem, factored in economy blocks and combined vs in one block: rounding only.
    private const double LinearTolerance = 1e-10;

    // Same IRLS iterations from the same start; the weighted QR of each iteration is combined from blocks.
    private const double PoissonTolerance = 1e-9;

    private EstimateService.EstimateServiceClient Estimates => new(server.Channel);
    private DataService.DataServiceClient Data => new(server.Channel);

    [Fact]
    public async Task Pooled_ols_with_hc1_equals_the_single_process_fit()
    {
        PanelTable panel = await PanelTable.LoadAsync(Data, [], PwtRows.Indicators, group: "WLD");
        PwtRows rows = PwtRows.Build(panel, 1990, 2017, intercept: true);
        OlsFit expected = Ols.Fit(rows.X, rows.Y, rows.Names, new OlsOptions(CovarianceKind.Hc1, InterceptColumn: 0));

        FitResponse response = await Estimates.FitAsync(new FitRequest
        {
            Spec = Specs.Pwt("WLD", 1990, 2017, FixedEffectsKind.None, CovarianceType.Hc1),
        });

        FitAssert.Same(expected, response.Fit, LinearTolerance);
        Assert.Equal(rows.Entity.Distinct().Count(), response.Fit.Economies);
        Assert.NotEmpty(response.Fit.DataVersions);
        Assert.Equal(16, response.Fit.FitId.Length);
    }

    [Fact]
    public async Task Two_way_fixed_effects_with_cluster_errors_equal_the_single_process_fit()
    {
        PanelTable panel = await PanelTable.LoadAsync(Data, [], PwtRows.Indicators, group: "WLD");
        PwtRows rows = PwtRows.Build(panel, 1950, 2017, intercept: false);
        var spec = new PanelSpec(true, rows.DistinctYears);
        OlsFit expected = FixedEffects.Fit(rows.X, rows.Y, rows.Names, rows.Entity, rows.Year, spec, new OlsOptions(CovarianceKind.ClusterCr1), rows.Entity);

        FitResponse response = await Estimates.FitAsync(new FitRequest
        {
            Spec = Specs.Pwt("WLD", 1950, 2017, FixedEffectsKind.TwoWay, CovarianceType.Cluster),
        });

        FitAssert.Same(expected, response.Fit, LinearTolerance);
        Assert.Equal(rows.Entity.Distinct().Count(), response.Fit.Clusters);
    }

    [Theory]
    [InlineData(FixedEffectsKind.Economy, CovarianceType.Classical)]
    [InlineData(FixedEffectsKind.Year, CovarianceType.Hc1)]
    [InlineData(FixedEffectsKind.Economy, CovarianceType.Hc0)]
    public async Task Other_effects_and_covariances_equal_the_single_process_fit(FixedEffectsKind effects, CovarianceType covariance)
    {
        PanelTable panel = await PanelTable.LoadAsync(Data, [], PwtRows.Indicators, group: "RCEP");
        PwtRows rows = PwtRows.Build(panel, 1980, 2017, intercept: false);
        var spec = new PanelSpec(effects == FixedEffectsKind.Economy, effects == FixedEffectsKind.Year ? rows.DistinctYears : []);
        CovarianceKind kind = covariance switch
        {
            CovarianceType.Classical => CovarianceKind.Classical,
            CovarianceType.Hc0 => CovarianceKind.Hc0,
            _ => CovarianceKind.Hc1,
        };
        OlsFit expected = FixedEffects.Fit(rows.X, rows.Y, rows.Names, rows.Entity, rows.Year, spec, new OlsOptions(kind));

        FitResponse response = await Estimates.FitAsync(new FitRequest { Spec = Specs.Pwt("RCEP", 1980, 2017, effects, covariance) });

        FitAssert.Same(expected, response.Fit, LinearTolerance);
    }

    [Fact]
    public async Task Ppml_with_economy_and_year_effects_equals_the_single_process_fit()
    {
        PanelTable panel = await PanelTable.LoadAsync(Data, [], PwtRows.Indicators, group: "WLD");
        PwtRows rows = PwtRows.Build(panel, 1995, 2017, intercept: false);
        var spec = new PanelSpec(true, rows.DistinctYears);
        PoissonFit expected = Ppml.Fit(rows.X, rows.Level, rows.Names, rows.Entity, rows.Year, spec, new PoissonOptions(CovarianceKind.ClusterCr0), rows.Entity);

        FitResponse response = await Estimates.FitAsync(new FitRequest
        {
            Spec = Specs.Pwt("WLD", 1995, 2017, FixedEffectsKind.TwoWay, CovarianceType.ClusterCr0, Estimator.Ppml),
        });

        FitAssert.Same(expected, response.Fit, PoissonTolerance);
    }

    [Fact]
    public async Task Pooled_ppml_with_hc1_equals_the_single_process_fit()
    {
        PanelTable panel = await PanelTable.LoadAsync(Data, [], PwtRows.Indicators, group: "ASEAN");
        PwtRows rows = PwtRows.Build(panel, 1990, 2017, intercept: true);
        PoissonFit expected = Ppml.Fit(rows.X, rows.Level, rows.Names, rows.Entity, rows.Year, PanelSpec.None, new PoissonOptions(CovarianceKind.Hc1));

        FitResponse response = await Estimates.FitAsync(new FitRequest
        {
            Spec = Specs.Pwt("ASEAN", 1990, 2017, FixedEffectsKind.None, CovarianceType.Hc1, Estimator.Ppml),
        });

        FitAssert.Same(expected, response.Fit, PoissonTolerance);
    }
}
