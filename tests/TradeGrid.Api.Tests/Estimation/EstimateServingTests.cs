using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Estimation;

/// <summary>The fit cache (keyed by spec and data versions), GetFit/ListFits, and the JSON/HTTP route.</summary>
[Collection(OwnServerCollection.Name)]
public sealed class EstimateServingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private EstimateService.EstimateServiceClient Estimates => new(server.Channel);
    private DataService.DataServiceClient Data => new(server.Channel);

    [Fact]
    public async Task A_repeated_fit_is_served_from_cache_until_its_data_changes()
    {
        var spec = new ModelSpec { Dependent = Specs.Log("rgdpna"), Covariance = CovarianceType.Cluster, Sample = new ModelSample { From = 1970 } };
        spec.Sample.Economies.AddRange(["ARG", "BRA", "CHL", "COL", "PER", "URY"]);
        spec.Regressors.Add(Specs.Log("pop"));
        spec.Regressors.Add(Specs.Level("csh_x"));

        FitResponse first = await Estimates.FitAsync(new FitRequest { Spec = spec });
        FitResponse second = await Estimates.FitAsync(new FitRequest { Spec = spec });
        await Data.ImportAsync("economy,indicator,year,value\nCHL,EST_CACHE_TOUCH,2000,1\n");
        GetFitResponse stale = await Estimates.GetFitAsync(new GetFitRequest { FitId = first.Fit.FitId });
        FitResponse third = await Estimates.FitAsync(new FitRequest { Spec = spec });
        ListFitsResponse list = await Estimates.ListFitsAsync(new ListFitsRequest());

        Assert.False(first.Fit.FromCache);
        Assert.True(second.Fit.FromCache);
        Assert.Equal(first.Fit.FitId, second.Fit.FitId);
        Assert.Equal(first.Fit.Coefficients, second.Fit.Coefficients);
        Assert.True(stale.Fit.Stale);
        Assert.False(third.Fit.FromCache);
        Assert.True(third.Fit.DataVersions.Single(v => v.Economy == "CHL").Version > first.Fit.DataVersions.Single(v => v.Economy == "CHL").Version);
        Assert.Equal(first.Fit.Coefficients, third.Fit.Coefficients);
        Assert.Contains(list.Fits, f => f.FitId == first.Fit.FitId && f.Dependent == "log(rgdpna)");
    }

    [Fact]
    public async Task Get_fit_of_an_unknown_id_is_not_found_and_a_malformed_id_invalid()
    {
        RpcException unknown = await Assert.ThrowsAsync<RpcException>(async () => await Estimates.GetFitAsync(new GetFitRequest { FitId = "0123456789abcdef" }));
        RpcException malformed = await Assert.ThrowsAsync<RpcException>(async () => await Estimates.GetFitAsync(new GetFitRequest { FitId = "nope" }));

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
    }

    [Fact]
    public async Task The_json_route_gives_the_same_numbers_as_grpc()
    {
        ModelSpec spec = Specs.Pwt("ASEAN", 1985, 2017, FixedEffectsKind.Economy, CovarianceType.Cluster);
        var request = new FitRequest { Spec = spec };
        string json = JsonFormatter.Default.Format(request);

        FitResponse grpc = await Estimates.FitAsync(request);
        using HttpResponseMessage http = await server.Http.PostAsync("/v1/fits", new StringContent(json, Encoding.UTF8, "application/json"));
        using JsonDocument body = JsonDocument.Parse(await http.Content.ReadAsStringAsync());
        HttpResponseMessage refused = await server.Http.PostAsJsonAsync("/v1/fits", new { spec = new { dependent = new { indicator = "NOPE" } } });

        http.EnsureSuccessStatusCode();
        JsonElement coefficients = body.RootElement.GetProperty("fit").GetProperty("coefficients");
        for (int j = 0; j < grpc.Fit.Coefficients.Count; j++)
        {
            Assert.Equal(grpc.Fit.Coefficients[j].Estimate, coefficients[j].GetProperty("estimate").GetDouble());
            Assert.Equal(grpc.Fit.Coefficients[j].StdError, coefficients[j].GetProperty("stdError").GetDouble());
            Assert.Equal(grpc.Fit.Coefficients[j].PValue, coefficients[j].GetProperty("pValue").GetDouble());
        }
        Assert.Equal(grpc.Fit.Clusters, body.RootElement.GetProperty("fit").GetProperty("clusters").GetInt32());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("sample", await refused.Content.ReadAsStringAsync());
    }
}
