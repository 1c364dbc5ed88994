using System.Globalization;
using System.Net;
using System.Text;
using Grpc.Core;
using TradeGrid.Api.Forecasting;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Forecasting;

/// <summary>
/// ForecastService.ForecastAll end to end: one event per economy with data, progress to 1, the caller's cancellation
/// and deadline honoured. Its own server: it imports, and its silo holds the calls of a gated indicator (<see cref="ForecastGate"/>).
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class ForecastAllTests(ForecastGateServer server) : IClassFixture<ForecastGateServer>
{
    private ForecastService.ForecastServiceClient Forecasts => new(server.Channel);
    private DataService.DataServiceClient Data => new(server.Channel);

    /// <summary>
    /// Only a guard against a hang if cancellation were broken, not a speed requirement: every wait it bounds ends
    /// as soon as the server has done a few calls' worth of work.
    /// </summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    private async Task<List<ForecastAllResponse>> CollectAsync(ForecastAllRequest request, DateTime? deadline = null, CancellationToken cancellationToken = default)
    {
        using AsyncServerStreamingCall<ForecastAllResponse> call = Forecasts.ForecastAll(request, deadline: deadline, cancellationToken: cancellationToken);
        var events = new List<ForecastAllResponse>();
        await foreach (ForecastAllResponse message in call.ResponseStream.ReadAllAsync())
        {
            events.Add(message);
        }
        return events;
    }

    [Fact]
    public async Task Every_economy_with_data_gets_one_result_and_progress_reaches_one()
    {
        var panel = new List<Series>();
        using (AsyncServerStreamingCall<GetPanelResponse> call = Data.GetPanel(new GetPanelRequest { Group = "WLD", Indicators = { "rgdpna" } }))
        {
            await foreach (GetPanelResponse part in call.ResponseStream.ReadAllAsync())
            {
                panel.AddRange(part.Series.Where(s => s.Observations.Count > 0));
            }
        }

        List<ForecastAllResponse> events = await CollectAsync(new ForecastAllRequest { Indicator = "rgdpna", Method = "drift", Horizon = 3 });

        EconomyForecast[] results = events.Where(e => e.EventCase == ForecastAllResponse.EventOneofCase.Result).Select(e => e.Result).ToArray();
        JobProgress[] progress = events.Where(e => e.EventCase == ForecastAllResponse.EventOneofCase.Progress).Select(e => e.Progress).ToArray();
        Assert.True(panel.Count > 150, $"{panel.Count} WLD economies with rgdpna");
        Assert.Equal(panel.Select(s => s.Economy).Order(StringComparer.Ordinal), results.Select(r => r.Economy).Order(StringComparer.Ordinal));
        Assert.All(results, r => Assert.Equal(3, r.Forecast.Points.Count));
        Assert.Equal(0.0, progress[0].Fraction);
        Assert.Equal(1.0, progress[^1].Fraction);
        Assert.Equal(progress[^1].Total, progress[^1].Done);
        Assert.Equal(progress[^1].Total - panel.Count, progress[^1].WithoutData);
        Assert.Equal(0, progress[^1].Skipped);
        Assert.True(progress.Zip(progress.Skip(1)).All(p => p.First.Done < p.Second.Done), "progress only moves forward");

        SeriesForecast single = (await Forecasts.ForecastAsync(new ForecastRequest { Economy = "IND", Indicator = "rgdpna", Method = "drift", Horizon = 3 })).Forecast;
        SeriesForecast fromAll = results.Single(r => r.Economy == "IND").Forecast;
        Assert.Equal(single.Points.Select(p => p.Value), fromAll.Points.Select(p => p.Value));
    }

    [Fact]
    public async Task The_first_event_names_the_job_and_GetForecastJob_returns_the_same_results()
    {
        List<ForecastAllResponse> events = await CollectAsync(new ForecastAllRequest { Group = "RCEP", Indicator = "rgdpna", Method = "ets", Horizon = 2 });

        string jobId = events[0].Job.JobId;
        GetForecastJobResponse job = await Forecasts.GetForecastJobAsync(new GetForecastJobRequest { JobId = jobId.ToUpperInvariant() });
        EconomyForecast[] streamed = events.Where(e => e.EventCase == ForecastAllResponse.EventOneofCase.Result).Select(e => e.Result).ToArray();
        Assert.Equal(ForecastJobState.Completed, job.Job.State);
        Assert.Equal(jobId, job.Job.JobId);
        Assert.Equal(events[^1].Progress, job.Job.Progress);
        Assert.True(streamed.Length >= 10, $"{streamed.Length} RCEP results");
        Assert.Equal(streamed, job.Results);
        Assert.Null(job.Write);
    }

    [Fact]
    public async Task Short_or_gapped_series_are_reported_as_skipped_with_the_reason()
    {
        var csv = new StringBuilder("economy,indicator,year,value\n");
        foreach (int year in Enumerable.Range(2004, 14))
        {
            csv.Append(CultureInfo.InvariantCulture, $"USA,fc_all_short,{year},{10 + year - 2004 + (year % 2)}\n");
        }
        foreach (int year in Enumerable.Range(2014, 4))
        {
            csv.Append(CultureInfo.InvariantCulture, $"CHN,fc_all_short,{year},{year - 2000}\n");
        }
        foreach (int year in Enumerable.Range(2004, 14).Where(y => y != 2010))
        {
            csv.Append(CultureInfo.InvariantCulture, $"JPN,fc_all_short,{year},{year - 2000}\n");
        }
        await Data.ImportAsync(csv.ToString());

        List<ForecastAllResponse> events = await CollectAsync(
            new ForecastAllRequest { Economies = { "USA", "CHN", "JPN", "FRA" }, Indicator = "fc_all_short", Method = "ets", Horizon = 2 });

        Dictionary<string, EconomyForecast> results = events.Where(e => e.Result is not null).ToDictionary(e => e.Result.Economy, e => e.Result);
        Assert.Equal(["CHN", "JPN", "USA"], results.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, results["USA"].Forecast.Points.Count);
        Assert.Null(results["CHN"].Forecast);
        Assert.Contains("ets needs at least 7 observations; the series has 4", results["CHN"].Skipped);
        Assert.Null(results["JPN"].Forecast);
        Assert.Contains("missing years inside 2004–2017 (2010)", results["JPN"].Skipped);
        JobProgress last = events[^1].Progress;
        Assert.Equal((4, 4, 1.0, 2, 1), (last.Total, last.Done, last.Fraction, last.Skipped, last.WithoutData));
    }

    [Fact]
    public async Task The_callers_cancellation_cancels_the_calls_in_flight_and_starts_no_more()
    {
        const string Gated = ForecastGate.Prefix + "_cancel";
        await ImportGatedAsync(Gated);
        using var caller = new CancellationTokenSource();
        // Every WLD economy (over 200) gets a call and the gate holds each one: the job cannot end by itself.
        Task<List<ForecastAllResponse>> job = CollectAsync(new ForecastAllRequest { Indicator = Gated, Method = "naive", Horizon = 1 }, cancellationToken: caller.Token);
        await server.Gate.WhenAsync(g => g.Entered(Gated) == ForecastAllHandler.MaxConcurrency).WaitAsync(HangGuard);

        await caller.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => job);
        await server.Gate.WhenAsync(g => g.Waiting(Gated) == 0).WaitAsync(HangGuard);

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal(ForecastAllHandler.MaxConcurrency, server.Gate.Entered(Gated));
        Assert.Equal(ForecastAllHandler.MaxConcurrency, server.Gate.Cancelled(Gated));
        Assert.False(server.Gate.IsOpen, "the calls in flight ended by their cancellation, not by the gate");
        await AssertTheServerStillForecastsAsync();
    }

    [Fact]
    public async Task The_callers_deadline_ends_the_job_and_starts_at_most_one_round_of_calls()
    {
        const string Gated = ForecastGate.Prefix + "_deadline";
        await ImportGatedAsync(Gated);

        // The gate holds every call, so the deadline passes before the job ends whatever the machine's speed. How many
        // calls started by then does depend on the speed; it is bounded by the job's concurrency.
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            CollectAsync(new ForecastAllRequest { Indicator = Gated, Method = "naive", Horizon = 1 }, DateTime.UtcNow.AddSeconds(1)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.InRange(server.Gate.Entered(Gated), 0, ForecastAllHandler.MaxConcurrency);
        Assert.False(server.Gate.IsOpen);
        await AssertTheServerStillForecastsAsync();
    }

    private async Task ImportGatedAsync(string indicator) =>
        await Data.ImportAsync($"economy,indicator,year,value\nUSA,{indicator},2015,1\nUSA,{indicator},2016,2\nUSA,{indicator},2017,3\n");

    private async Task AssertTheServerStillForecastsAsync()
    {
        ForecastResponse after = await Forecasts.ForecastAsync(new ForecastRequest { Economy = "USA", Indicator = "rgdpna", Method = "naive", Horizon = 1 });
        Assert.Single(after.Forecast.Points);
    }

    [Theory]
    [InlineData("NOPE", "rgdpna", "drift", 3, StatusCode.NotFound, "group: unknown group 'NOPE'")]
    [InlineData("RCEP", "GDP_PPP", "drift", 3, StatusCode.NotFound, "indicator: unknown indicator 'GDP_PPP'")]
    [InlineData("RCEP", "rgdpna", "drift", 99, StatusCode.InvalidArgument, "horizon: must be in [1, 50] years; got 99")]
    [InlineData("RCEP", "rgdpna", "holtwinters", 3, StatusCode.InvalidArgument, "method: unknown method 'holtwinters'; valid:")]
    public async Task Bad_all_economy_requests_are_refused_before_any_work(string group, string indicator, string method, int horizon, StatusCode status, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            CollectAsync(new ForecastAllRequest { Group = group, Indicator = indicator, Method = method, Horizon = horizon }));

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(message, error.Status.Detail);
    }

    [Fact]
    public async Task The_json_route_streams_results_and_progress()
    {
        using var content = new StringContent("""{"economies":["USA","CHN"],"indicator":"rgdpna","method":"naive","horizon":2}""", Encoding.UTF8, "application/json");

        HttpResponseMessage response = await server.Http.PostAsync("/v1/forecasts:all", content);
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"economy\":\"USA\"", body.Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("\"economy\":\"CHN\"", body.Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("\"fraction\":1", body.Replace(" ", "", StringComparison.Ordinal));
    }
}
