using Grpc.Core;
using TradeGrid.Api.Tests.Estimation;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Extrapolation;

/// <summary>What Predict says about missing regressors, fixed effects, stale fits and storage, and what it refuses.</summary>
[Collection(OwnServerCollection.Name)]
public sealed class PredictServingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private EstimateService.EstimateServiceClient Estimates => new(server.Channel);
    private ExtrapolationService.ExtrapolationServiceClient Extrapolation => new(server.Channel);
    private DataService.DataServiceClient Data => new(server.Channel);

    [Fact]
    public async Task An_economy_without_regressors_is_listed_as_not_predictable_with_the_reason()
    {
        FitResponse fit = await Estimates.FitAsync(new FitRequest { Spec = PredictAgainstRTests.Spec(["FRA", "DEU", "ITA", "ESP", "GBR", "USA"]) });
        var request = new PredictRequest { FitId = fit.Fit.FitId, From = 2017, To = 2017, IncludeObserved = true };
        request.Economies.Add("JPN");
        request.Economies.Add("ASM"); // American Samoa: no PWT data
        PredictResponse response = await Extrapolation.PredictAsync(request);

        Assert.Equal(["JPN"], response.Predictions.Select(p => p.Economy).ToArray());
        NotPredictable missing = Assert.Single(response.NotPredictable);
        Assert.Equal("ASM", missing.Economy);
        Assert.Contains("no regressor has a value", missing.Reason);
    }

    [Fact]
    public async Task A_named_economy_left_out_of_the_fit_is_predicted_beside_its_observed_values()
    {
        FitResponse fit = await Estimates.FitAsync(new FitRequest { Spec = PredictAgainstRTests.Spec(["FRA", "DEU", "ITA", "ESP", "GBR", "USA"]) });
        var request = new PredictRequest { FitId = fit.Fit.FitId };
        request.Economies.AddRange(["JPN", "FRA"]);
        PredictResponse response = await Extrapolation.PredictAsync(request);

        PredictedValue jpn = Assert.Single(response.Predictions);
        Assert.Equal(("JPN", 2017), (jpn.Economy, jpn.Year));
        Assert.True(jpn.HasObserved);
        Assert.InRange(jpn.Observed, jpn.Lower, jpn.Upper);
    }

    [Fact]
    public async Task Only_years_missing_the_dependent_are_predicted_by_default()
    {
        string code = "TST_PRED_GAPS";
        await Data.ImportAsync($"economy,indicator,year,value\nNZL,{code},2010,5\nNZL,{code},2011,6\nAUS,{code},2010,7\nAUS,{code},2012,9\nCAN,{code},2011,4\nCAN,{code},2012,5\n");
        var spec = new ModelSpec { Dependent = Specs.Level(code), Covariance = CovarianceType.Classical, Sample = new ModelSample { From = 2010, To = 2012 } };
        spec.Sample.Economies.AddRange(["NZL", "AUS", "CAN"]);
        spec.Regressors.Add(Specs.Log("pop"));
        FitResponse fit = await Estimates.FitAsync(new FitRequest { Spec = spec });

        var request = new PredictRequest { FitId = fit.Fit.FitId };
        request.Economies.AddRange(["NZL", "AUS", "CAN"]);
        PredictResponse response = await Extrapolation.PredictAsync(request);

        Assert.Equal(["AUS 2011", "CAN 2010", "NZL 2012"], response.Predictions.Select(p => $"{p.Economy} {p.Year}").Order().ToArray());
        Assert.All(response.Predictions, p => Assert.False(p.HasObserved));
        Assert.All(response.Predictions, p => Assert.True(p.Lower < p.Point && p.Point < p.Upper && p.SeNew > p.SeMean));
    }

    [Fact]
    public async Task A_fit_with_economy_effects_is_refitted_pooled_and_says_so()
    {
        ModelSpec spec = PredictAgainstRTests.Spec(["FRA", "DEU", "ITA", "ESP", "GBR", "USA", "JPN", "KOR"]);
        spec.Sample.From = 2000;
        spec.FixedEffects = FixedEffectsKind.Economy;
        FitResponse fit = await Estimates.FitAsync(new FitRequest { Spec = spec });
        var request = new PredictRequest { FitId = fit.Fit.FitId, From = 2017, To = 2017, IncludeObserved = true };
        request.Economies.Add("CHE");
        PredictResponse response = await Extrapolation.PredictAsync(request);

        Assert.Contains("refitted without fixed effects", response.EffectsRule);
        Assert.NotEqual(fit.Fit.FitId, response.FitId);
        Assert.Equal(fit.Fit.FitId, response.RequestedFitId);
        Assert.Equal("(Intercept)", response.Fit.Coefficients[0].Name);
        Assert.Single(response.Predictions);
    }

    [Fact]
    public async Task A_stale_fit_is_refitted_or_refused_when_refits_are_forbidden()
    {
        string code = "TST_PRED_STALE";
        await Data.ImportAsync($"economy,indicator,year,value\nISL,{code},2015,1\nISL,{code},2016,2\nISL,{code},2017,3\nNOR,{code},2015,4\nNOR,{code},2016,5\nNOR,{code},2017,6\n");
        var spec = new ModelSpec { Dependent = Specs.Level(code), Covariance = CovarianceType.Classical, Sample = new ModelSample() };
        spec.Sample.Economies.AddRange(["ISL", "NOR"]);
        spec.Regressors.Add(Specs.Log("pop"));
        FitResponse fit = await Estimates.FitAsync(new FitRequest { Spec = spec });
        await Data.ImportAsync($"economy,indicator,year,value\nISL,{code},2014,0.5\n");

        var forbid = new PredictRequest { FitId = fit.Fit.FitId, ForbidRefit = true };
        forbid.Economies.Add("DNK");
        RpcException ex = await Assert.ThrowsAsync<RpcException>(async () => await Extrapolation.PredictAsync(forbid));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("stale", ex.Status.Detail);

        // The stale economy among the targets: its answer's data version shows the change (one round, no check before).
        var forbidOwn = new PredictRequest { FitId = fit.Fit.FitId, ForbidRefit = true };
        forbidOwn.Economies.Add("ISL");
        RpcException own = await Assert.ThrowsAsync<RpcException>(async () => await Extrapolation.PredictAsync(forbidOwn));
        Assert.Equal(StatusCode.FailedPrecondition, own.StatusCode);
        Assert.Contains("stale", own.Status.Detail);

        var allow = new PredictRequest { FitId = fit.Fit.FitId, From = 2017, To = 2017 };
        allow.Economies.Add("DNK");
        PredictResponse response = await Extrapolation.PredictAsync(allow);
        Assert.True(response.Refitted);
        Assert.Equal(7, response.Fit.Observations);
    }

    [Fact]
    public async Task Stored_predictions_are_estimated_values_citing_the_fit()
    {
        string code = "TST_PRED_STORE";
        await Data.ImportAsync($"economy,indicator,year,value\nPRT,{code},2016,10\nPRT,{code},2017,11\nGRC,{code},2016,8\nGRC,{code},2017,8.5\nIRL,{code},2017,15\n");
        var spec = new ModelSpec { Dependent = Specs.Log(code), Covariance = CovarianceType.Classical, Sample = new ModelSample() };
        spec.Sample.Economies.AddRange(["PRT", "GRC", "IRL"]);
        spec.Regressors.Add(Specs.Log("pop"));
        FitResponse fit = await Estimates.FitAsync(new FitRequest { Spec = spec });

        var request = new PredictRequest { FitId = fit.Fit.FitId, From = 2016, To = 2017, Store = true };
        request.Economies.AddRange(["IRL", "MLT"]);
        PredictResponse response = await Extrapolation.PredictAsync(request);
        Assert.Equal(3, response.Stored);

        GetSeriesResponse irl = await Data.GetSeriesAsync(new GetSeriesRequest { Economy = "IRL", Indicator = code });
        Observation estimated = irl.Series.Observations.Single(o => o.Year == 2016);
        Assert.Equal(Provenance.Estimated, estimated.Provenance);
        Assert.Contains(fit.Fit.FitId, estimated.Source);
        Assert.Equal(response.Predictions.Single(p => p.Economy == "IRL").Point, estimated.Value, 12);
        Assert.Equal(Provenance.Reported, irl.Series.Observations.Single(o => o.Year == 2017).Provenance);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_what_to_fix()
    {
        FitResponse fit = await Estimates.FitAsync(new FitRequest { Spec = PredictAgainstRTests.Spec(["FRA", "DEU", "ITA", "ESP"]) });
        Assert.Contains("no fit '0123456789abcdef'", (await Refused(new PredictRequest { FitId = "0123456789abcdef" }, StatusCode.NotFound)).Status.Detail);
        Assert.Contains("not a fit id", (await Refused(new PredictRequest { FitId = "nope" }, StatusCode.InvalidArgument)).Status.Detail);
        Assert.Contains("level", (await Refused(new PredictRequest { FitId = fit.Fit.FitId, Level = 1.5 }, StatusCode.InvalidArgument)).Status.Detail);
        var unknown = new PredictRequest { FitId = fit.Fit.FitId };
        unknown.Economies.Add("XXQ");
        Assert.Contains("unknown economy 'XXQ'", (await Refused(unknown, StatusCode.NotFound)).Status.Detail);
        var correction = new PredictRequest { FitId = fit.Fit.FitId, Correction = (BiasCorrectionKind)9 };
        Assert.Contains("correction", (await Refused(correction, StatusCode.InvalidArgument)).Status.Detail);

        // A refused request that asked to store writes nothing.
        long version = (await Data.GetEconomyAsync(new GetEconomyRequest { Economy = "JPN" })).DataVersion;
        var storing = new PredictRequest { FitId = fit.Fit.FitId, Level = 2, Store = true };
        storing.Economies.Add("JPN");
        await Refused(storing, StatusCode.InvalidArgument);
        Assert.Equal(version, (await Data.GetEconomyAsync(new GetEconomyRequest { Economy = "JPN" })).DataVersion);
    }

    private async Task<RpcException> Refused(PredictRequest request, StatusCode code)
    {
        RpcException ex = await Assert.ThrowsAsync<RpcException>(async () => await Extrapolation.PredictAsync(request));
        Assert.Equal(code, ex.StatusCode);
        return ex;
    }
}
