using System.Net;
using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Hosting;

[Collection(ServerCollection.Name)]
public sealed class ServingTests(ServerFixture server)
{
    private DataService.DataServiceClient Client => new(server.Channel);

    [Fact]
    public async Task Health_is_serving_once_the_dataset_is_loaded()
    {
        HealthCheckResponse health = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest());
        HttpResponseMessage healthz = await server.Http.GetAsync("/healthz");

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal("Healthy", await healthz.Content.ReadAsStringAsync());
        Assert.Contains("305 economies", server.ReadySummary);
    }

    [Fact]
    public async Task Get_series_returns_pwt_values_over_grpc()
    {
        Dictionary<(string, string, int), double> pwt = RepoFiles.PwtKnownValues();

        GetSeriesResponse response = await Client.GetSeriesAsync(new GetSeriesRequest { Economy = "usa", Indicator = "rgdpna", From = 2015, To = 2017 });

        Assert.Equal([2015, 2016, 2017], response.Series.Observations.Select(o => o.Year));
        foreach (Observation o in response.Series.Observations)
        {
            Assert.Equal(pwt[("USA", "rgdpna", o.Year)], o.Value);
            Assert.Equal(Provenance.Reported, o.Provenance);
            Assert.Contains("Penn World Table 9.1", o.Source);
        }
        Assert.Equal("mil. 2011US$", response.Series.Unit);
    }

    [Fact]
    public async Task Json_routes_serve_series_and_map_not_found_to_404()
    {
        Dictionary<(string, string, int), double> pwt = RepoFiles.PwtKnownValues();

        using JsonDocument body = JsonDocument.Parse(await server.Http.GetStringAsync("/v1/economies/USA/series/rgdpna?from=2015&to=2017"));
        HttpResponseMessage missing = await server.Http.GetAsync("/v1/economies/XXQ/series/rgdpna");
        HttpResponseMessage economies = await server.Http.GetAsync("/v1/economies?group=RCEP");

        JsonElement observations = body.RootElement.GetProperty("series").GetProperty("observations");
        Assert.Equal(3, observations.GetArrayLength());
        Assert.Equal(pwt[("USA", "rgdpna", 2017)], observations[2].GetProperty("value").GetDouble());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("XXQ", await missing.Content.ReadAsStringAsync());
        Assert.Contains("\"CHN\"", await economies.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("XXQ", "rgdpna", 0, 0, StatusCode.NotFound, "unknown economy 'XXQ'")]
    [InlineData("USA", "GDP_PPP", 0, 0, StatusCode.NotFound, "unknown indicator 'GDP_PPP'")]
    [InlineData("U$A", "rgdpna", 0, 0, StatusCode.InvalidArgument, "economy: 'U$A' is not an economy code")]
    [InlineData("USA", "", 0, 0, StatusCode.InvalidArgument, "indicator: an indicator code is required")]
    [InlineData("USA", "rgdpna", 2017, 2015, StatusCode.InvalidArgument, "from: 2017 is after to 2015")]
    [InlineData("USA", "rgdpna", 1500, 0, StatusCode.InvalidArgument, "from: 1500 is outside")]
    public async Task Bad_series_requests_get_the_right_status_and_say_what_to_fix(
        string economy, string indicator, int from, int to, StatusCode status, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetSeriesAsync(new GetSeriesRequest { Economy = economy, Indicator = indicator, From = from, To = to }).ResponseAsync);

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(message, error.Status.Detail);
    }

    [Fact]
    public async Task Group_membership_follows_the_years_it_holds()
    {
        ListEconomiesResponse in2022 = await Client.ListEconomiesAsync(new ListEconomiesRequest { Group = "RCEP", Year = 2022 });
        ListEconomiesResponse any = await Client.ListEconomiesAsync(new ListEconomiesRequest { Group = "RCEP" });

        Assert.Contains(in2022.Economies, e => e.Code == "CHN");
        Assert.DoesNotContain(in2022.Economies, e => e.Code == "IDN");
        Assert.Contains(any.Economies, e => e.Code == "IDN");
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListEconomiesAsync(new ListEconomiesRequest { Group = "NOPE" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Panel_streams_every_economy_with_data_in_batches()
    {
        ListEconomiesResponse countries = await Client.ListEconomiesAsync(new ListEconomiesRequest { CountriesOnly = true });
        var request = new GetPanelRequest { Group = "WLD", From = 2010, To = 2017 };
        request.Indicators.Add("pop");

        var messages = new List<GetPanelResponse>();
        using AsyncServerStreamingCall<GetPanelResponse> call = Client.GetPanel(request);
        await foreach (GetPanelResponse m in call.ResponseStream.ReadAllAsync())
        {
            messages.Add(m);
        }

        List<Series> series = messages.SelectMany(m => m.Series).ToList();
        Assert.True(messages.Count > 1, "a panel of ~180 series comes in several messages");
        Assert.Equal(series.Count, series.Select(s => s.Economy).Distinct().Count());
        Assert.InRange(series.Count, 170, countries.Economies.Count);
        Assert.All(series, s => Assert.All(s.Observations, o => Assert.InRange(o.Year, 2010, 2017)));
    }

    [Fact]
    public async Task Get_economy_lists_its_groups_and_series()
    {
        GetEconomyResponse chn = await Client.GetEconomyAsync(new GetEconomyRequest { Economy = "CHN" });

        Assert.Equal("China", chn.Economy.Name);
        Assert.Contains("RCEP", chn.Groups);
        Assert.Contains(chn.Series, s => s.Indicator == "pop" && s.FirstYear == 1952 && s.LastYear == 2017);
    }
}
