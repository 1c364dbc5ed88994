using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Estimation;

/// <summary>Every refusal: the right status, a message that says what to fix, and no fit recorded.</summary>
[Collection(OwnServerCollection.Name)]
public sealed class EstimateRefusalTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private EstimateService.EstimateServiceClient Estimates => new(server.Channel);
    private DataService.DataServiceClient Data => new(server.Channel);

    [Fact]
    public async Task Two_identical_regressors_are_refused_naming_both()
    {
        ModelSpec spec = Specs.Pwt("RCEP", 1990, 2017, FixedEffectsKind.None, CovarianceType.Hc1);
        spec.Regressors.Add(Specs.Log("pop"));

        RpcException ex = await RefusedAsync(spec, StatusCode.FailedPrecondition);

        Assert.Contains("[log(pop), log(pop)]", ex.Status.Detail);
        Assert.Contains("collinear", ex.Status.Detail);
    }

    [Fact]
    public async Task Drop_collinear_drops_the_repeated_column_and_reports_it()
    {
        ModelSpec spec = Specs.Pwt("RCEP", 1990, 2017, FixedEffectsKind.None, CovarianceType.Hc1);
        spec.Regressors.Add(Specs.Log("pop"));
        spec.DropCollinear = true;

        FitResponse response = await Estimates.FitAsync(new FitRequest { Spec = spec });

        Assert.Equal(["log(pop)"], response.Fit.DroppedColumns);
        Assert.Equal(4, response.Fit.Coefficients.Count);
    }

    [Fact]
    public async Task Unknown_indicator_economy_and_group_are_not_found()
    {
        ModelSpec indicator = Specs.Pwt("RCEP", 1990, 2017, FixedEffectsKind.None, CovarianceType.Hc1);
        indicator.Regressors[1].Indicator = "NO_SUCH_CODE";
        ModelSpec economy = Specs.Pwt("RCEP", 1990, 2017, FixedEffectsKind.None, CovarianceType.Hc1);
        economy.Sample.Economies.Add("XXQ");
        ModelSpec group = Specs.Pwt("NOGROUP", 1990, 2017, FixedEffectsKind.None, CovarianceType.Hc1);

        RpcException a = await RefusedAsync(indicator, StatusCode.NotFound);
        RpcException b = await RefusedAsync(economy, StatusCode.NotFound);
        RpcException c = await RefusedAsync(group, StatusCode.NotFound);

        Assert.Contains("regressors[1].indicator: unknown indicator 'NO_SUCH_CODE'", a.Status.Detail);
        Assert.Contains("sample.economies[0]: unknown economy 'XXQ'", b.Status.Detail);
        Assert.Contains("NOGROUP", c.Status.Detail);
    }

    [Fact]
    public async Task Bad_enum_values_and_levels_are_invalid_arguments()
    {
        ModelSpec transform = Specs.Pwt("RCEP", 1990, 2017, FixedEffectsKind.None, CovarianceType.Hc1);
        transform.Regressors[0].Transform = (VariableTransform)42;
        ModelSpec covariance = Specs.Pwt("RCEP", 1990, 2017, (FixedEffectsKind)9, CovarianceType.Hc1);
        ModelSpec level = Specs.Pwt("RCEP", 1990, 2017, FixedEffectsKind.None, CovarianceType.Hc1);
        level.ConfidenceLevel = 1.5;
        ModelSpec pairs = Specs.Pwt("RCEP", 1990, 2017, FixedEffectsKind.Pair, CovarianceType.Hc1);

        Assert.Contains("regressors[0].transform: 42 is not a transform", (await RefusedAsync(transform, StatusCode.InvalidArgument)).Status.Detail);
        Assert.Contains("fixed_effects: 9", (await RefusedAsync(covariance, StatusCode.InvalidArgument)).Status.Detail);
        Assert.Contains("confidence_level", (await RefusedAsync(level, StatusCode.InvalidArgument)).Status.Detail);
        Assert.Contains("pair effects need bilateral rows", (await RefusedAsync(pairs, StatusCode.InvalidArgument)).Status.Detail);
    }

    [Fact]
    public async Task Empty_sample_and_too_few_rows_are_failed_preconditions()
    {
        ModelSpec empty = Specs.Pwt("RCEP", 1900, 1920, FixedEffectsKind.None, CovarianceType.Hc1);
        var few = new ModelSpec { Dependent = Specs.Log("rgdpna"), Sample = new ModelSample { From = 2016, To = 2017 } };
        few.Sample.Economies.Add("USA");
        few.Regressors.Add(Specs.Log("pop"));
        few.Regressors.Add(Specs.Log("hc"));

        Assert.Contains("sample is empty", (await RefusedAsync(empty, StatusCode.FailedPrecondition)).Status.Detail);
        Assert.Contains("N must exceed K", (await RefusedAsync(few, StatusCode.FailedPrecondition)).Status.Detail);
    }

    [Fact]
    public async Task Log_of_a_nonpositive_value_names_economy_and_year_unless_dropped()
    {
        await Data.ImportAsync("economy,indicator,year,value\nNZL,EST_SIGNED,1999,2.5\nNZL,EST_SIGNED,2000,0\nNZL,EST_SIGNED,2001,3\nAUS,EST_SIGNED,2000,4\nAUS,EST_SIGNED,2001,5\nAUS,EST_SIGNED,1999,6\n");
        var spec = new ModelSpec { Dependent = Specs.Log("rgdpna"), Sample = new ModelSample { From = 1999, To = 2001 } };
        spec.Sample.Economies.Add("NZL");
        spec.Sample.Economies.Add("AUS");
        spec.Regressors.Add(Specs.Log("EST_SIGNED"));

        RpcException ex = await RefusedAsync(spec, StatusCode.InvalidArgument);
        spec.DropNonpositiveLog = true;
        FitResponse dropped = await Estimates.FitAsync(new FitRequest { Spec = spec });

        Assert.Contains("log(EST_SIGNED)", ex.Status.Detail);
        Assert.Contains("NZL 2000", ex.Status.Detail);
        Assert.Equal(5, dropped.Fit.Observations);
        FitDroppedRows note = Assert.Single(dropped.Fit.DroppedRows);
        Assert.Equal(1, note.Rows);
        Assert.Equal("NZL 2000", note.Example);
    }

    [Fact]
    public async Task An_all_zero_ppml_dependent_is_a_failed_precondition()
    {
        await Data.ImportAsync("economy,indicator,year,value\nJPN,EST_ZERO,2000,0\nJPN,EST_ZERO,2001,0\nJPN,EST_ZERO,2002,0\nKOR,EST_ZERO,2000,0\nKOR,EST_ZERO,2001,0\nKOR,EST_ZERO,2002,0\n");
        var spec = new ModelSpec { Dependent = Specs.Level("EST_ZERO"), Estimator = Estimator.Ppml, Sample = new ModelSample() };
        spec.Sample.Economies.Add("JPN");
        spec.Sample.Economies.Add("KOR");
        spec.Regressors.Add(Specs.Log("pop"));

        RpcException ex = await RefusedAsync(spec, StatusCode.FailedPrecondition);

        Assert.Contains("zero in every row", ex.Status.Detail);
    }

    [Fact]
    public async Task Too_many_regressors_are_resource_exhausted()
    {
        ModelSpec spec = Specs.Pwt("RCEP", 1990, 2017, FixedEffectsKind.None, CovarianceType.Hc1);
        for (int i = 0; i < 100; i++)
        {
            spec.Regressors.Add(new ModelVariable { Indicator = "pop", Transform = VariableTransform.Lag, Lag = 1 + (i % 40) });
        }

        Assert.Contains("limit of 100", (await RefusedAsync(spec, StatusCode.ResourceExhausted)).Status.Detail);
    }

    private async Task<RpcException> RefusedAsync(ModelSpec spec, StatusCode status)
    {
        ListFitsResponse before = await Estimates.ListFitsAsync(new ListFitsRequest());
        RpcException ex = await Assert.ThrowsAsync<RpcException>(async () => await Estimates.FitAsync(new FitRequest { Spec = spec }));
        ListFitsResponse after = await Estimates.ListFitsAsync(new ListFitsRequest());
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(before.Fits.Select(f => f.FitId), after.Fits.Select(f => f.FitId));
        return ex;
    }
}
