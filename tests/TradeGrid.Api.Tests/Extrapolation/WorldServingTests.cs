using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Extrapolation;

/// <summary>
/// The Box 2 pipeline on the default dataset (preset itc-box2): the scaling arithmetic holds on the served numbers,
/// single-year shares are filled, hidden economies are predicted, the JSON route agrees, bad requests are refused.
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class WorldServingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private ExtrapolationService.ExtrapolationServiceClient Extrapolation => new(server.Channel);

    [Fact]
    public async Task The_default_run_scales_the_covered_total_by_the_mean_covered_share()
    {
        WorldResponse response = await Extrapolation.EstimateWorldAsync(new WorldRequest());

        Assert.Equal([2020, 2024], response.Years.Select(y => y.Year).ToArray());
        foreach (WorldYear y in response.Years)
        {
            WorldEconomyYear[] covered = response.Economies
                .Where(e => e.Year == y.Year && e.Coverage is CoverageKind.Reported or CoverageKind.Filled or CoverageKind.Estimated)
                .ToArray();
            Close(covered.Sum(e => e.Value), y.ReportedTotal + y.EstimatedTotal, $"{y.Year}: Σ values");
            Close(covered.Sum(e => e.Gdp) / y.WorldGdp, y.CoveredGdpShare, $"{y.Year}: GDP share");
            Close(covered.Sum(e => e.Trade) / y.WorldTrade, y.CoveredTradeShare, $"{y.Year}: trade share");
            Close((y.CoveredGdpShare + y.CoveredTradeShare) / 2, y.ScalingShare, $"{y.Year}: s");
            Close((y.ReportedTotal + y.EstimatedTotal) / y.ScalingShare, y.World, $"{y.Year}: world");
            Close(y.World / y.WorldTrade, y.WorldShare, $"{y.Year}: world share");
            Assert.True(y.WorldLower < y.World && y.World < y.WorldUpper && y.WorldSe > 0, $"{y.Year}: the interval holds the estimate");
            Assert.Equal(covered.Count(e => e.Coverage == CoverageKind.Estimated), y.Estimated);
            Assert.All(covered.Where(e => e.Coverage == CoverageKind.Estimated), e => Assert.InRange(e.Share, 0.0, 1.0));
        }

        WorldEconomyYear chn = response.Economies.Single(e => e.Economy == "CHN" && e.Year == 2020);
        Assert.Equal(CoverageKind.Reported, chn.Coverage);
        Assert.Equal(0.15, chn.Share, 12);
        WorldEconomyYear gbr = response.Economies.Single(e => e.Economy == "GBR" && e.Year == 2020);
        Assert.Equal(CoverageKind.Filled, gbr.Coverage);
        Assert.Equal(0.43, gbr.Share, 12);
        WorldEconomyYear asm = response.Economies.Single(e => e.Economy == "ASM" && e.Year == 2024);
        Assert.Equal(CoverageKind.NotPredictable, asm.Coverage);
        Assert.Contains("log(cgdpo) has no value", asm.Reason);
        Assert.Equal(6, response.Fit.Observations);
    }

    [Fact]
    public async Task A_hidden_economy_is_predicted_and_its_reported_share_returned_beside()
    {
        // With IND set aside, CHN and GBR are two distinct rows of drivers (as of 2017 in both years): one driver only.
        var request = new WorldRequest { Preset = "itc-box2" };
        request.Drivers.Add(new ModelVariable { Indicator = "cgdpo", Transform = VariableTransform.Log });
        request.Hide.Add("IND");
        WorldResponse response = await Extrapolation.EstimateWorldAsync(request);

        WorldEconomyYear ind = response.Economies.Single(e => e.Economy == "IND" && e.Year == 2024);
        Assert.Equal(CoverageKind.Estimated, ind.Coverage);
        Assert.True(ind.Hidden);
        Assert.Equal(0.37, ind.HiddenShare, 12);
        Assert.True(ind.ShareLower < ind.Share && ind.Share < ind.ShareUpper);
        Assert.Equal(4, response.Fit.Observations);
    }

    [Fact]
    public async Task The_json_route_gives_the_same_numbers()
    {
        WorldResponse grpc = await Extrapolation.EstimateWorldAsync(new WorldRequest());
        using HttpResponseMessage http = await server.Http.PostAsJsonAsync("/v1/world", new { });
        http.EnsureSuccessStatusCode();
        using JsonDocument json = JsonDocument.Parse(await http.Content.ReadAsStringAsync());
        JsonElement[] years = json.RootElement.GetProperty("years").EnumerateArray().ToArray();
        Assert.Equal(grpc.Years.Count, years.Length);
        for (int i = 0; i < years.Length; i++)
        {
            Assert.Equal(grpc.Years[i].World, years[i].GetProperty("world").GetDouble());
            Assert.Equal(grpc.Years[i].WorldUpper, years[i].GetProperty("worldUpper").GetDouble());
        }
    }

    [Fact]
    public async Task A_json_body_sent_as_curl_sends_it_is_read_as_json()
    {
        // curl -d labels its body application/x-www-form-urlencoded.
        using var body = new StringContent("{\"level\": 0.9}", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using HttpResponseMessage http = await server.Http.PostAsync("/v1/world", body);
        string text = await http.Content.ReadAsStringAsync();
        Assert.True(http.IsSuccessStatusCode, text);
        using JsonDocument json = JsonDocument.Parse(text);
        Assert.Equal(0.9, json.RootElement.GetProperty("level").GetDouble());
    }

    [Fact]
    public async Task Stored_estimates_cite_the_share_model_and_do_not_feed_the_next_run()
    {
        WorldResponse first = await Extrapolation.EstimateWorldAsync(new WorldRequest { Store = true });
        Assert.True(first.Stored > 100);
        var data = new DataService.DataServiceClient(server.Channel);
        GetSeriesResponse jpn = await data.GetSeriesAsync(new GetSeriesRequest { Economy = "JPN", Indicator = "PUB_DIGITALIZATION_PCT" });
        Observation estimated = jpn.Series.Observations.Single(o => o.Year == 2024);
        Assert.Equal(Provenance.Estimated, estimated.Provenance);
        Assert.Contains(first.Fit.FitId, estimated.Source);
        Assert.Equal(first.Economies.Single(e => e.Economy == "JPN" && e.Year == 2024).Share * 100, estimated.Value, 10);

        WorldResponse second = await Extrapolation.EstimateWorldAsync(new WorldRequest());
        Assert.Equal(first.Fit.Observations, second.Fit.Observations);
        Assert.Equal(first.Years[1].World, second.Years[1].World, 6);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_what_to_fix()
    {
        Assert.Contains("level", (await Refused(new WorldRequest { Level = 2 }, StatusCode.InvalidArgument)).Status.Detail);
        Assert.Contains("unknown indicator 'NO_SUCH'", (await Refused(new WorldRequest { ShareIndicator = "NO_SUCH" }, StatusCode.NotFound)).Status.Detail);
        Assert.Contains("unknown preset", (await Refused(new WorldRequest { Preset = "nope" }, StatusCode.InvalidArgument)).Status.Detail);
        var hide = new WorldRequest();
        hide.Hide.Add("XXQ");
        Assert.Contains("unknown economy 'XXQ'", (await Refused(hide, StatusCode.NotFound)).Status.Detail);
        Assert.Contains("driver_max_age", (await Refused(new WorldRequest { DriverMaxAge = 99 }, StatusCode.InvalidArgument)).Status.Detail);
        RpcException noWorld = await Refused(new WorldRequest { GdpIndicator = "PUB_WORLD_TRADE" }, StatusCode.FailedPrecondition);
        Assert.Contains("No world GDP (PUB_WORLD_TRADE)", noWorld.Status.Detail);
        Assert.Contains("2020", noWorld.Status.Detail);
        var noDrivers = new WorldRequest { Preset = "itc-box2" };
        noDrivers.Drivers.Add(new ModelVariable { Indicator = "xr", Transform = (VariableTransform)77 });
        Assert.Contains("drivers[0].transform", (await Refused(noDrivers, StatusCode.InvalidArgument)).Status.Detail);
    }

    [Fact]
    public async Task A_refused_run_that_asked_to_store_changes_nothing()
    {
        var data = new DataService.DataServiceClient(server.Channel);
        async Task<long> VersionOf(string economy) => (await data.GetEconomyAsync(new GetEconomyRequest { Economy = economy })).DataVersion;
        long jpn = await VersionOf("JPN"), gbr = await VersionOf("GBR");

        await Refused(new WorldRequest { GdpIndicator = "PUB_WORLD_TRADE", Store = true }, StatusCode.FailedPrecondition);
        await Refused(new WorldRequest { Level = 3, Store = true }, StatusCode.InvalidArgument);

        Assert.Equal(jpn, await VersionOf("JPN"));
        Assert.Equal(gbr, await VersionOf("GBR"));
    }

    private async Task<RpcException> Refused(WorldRequest request, StatusCode code)
    {
        RpcException ex = await Assert.ThrowsAsync<RpcException>(async () => await Extrapolation.EstimateWorldAsync(request));
        Assert.Equal(code, ex.StatusCode);
        return ex;
    }

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Max(1.0, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");
}
