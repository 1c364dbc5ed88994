using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Scenarios;

/// <summary>
/// RunScenario runs the same durable job as StartScenario and streams it. Each job is held just after its first
/// checkpoint (<see cref="HeldJobHooks"/>), so what a test does happens mid-job, not at a guessed moment: the caller's
/// cancellation cancels the job and nothing is stored; CancelScenario ends the stream with Cancelled; a stream and a
/// stream re-attached by job id get every economy and the summary bit-identical to the same spec run by StartScenario.
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class RunScenarioJobTests(HeldJobsServer server) : IClassFixture<HeldJobsServer>
{
    private readonly ScenarioService.ScenarioServiceClient _client = new(server.Channel);

    /// <summary>The ITC world preset held at each driver's last value, to 2020: every economy of the default dataset, 14 waves of 16.</summary>
    private static ScenarioSpec Spec(int paths, bool store)
    {
        var spec = new ScenarioSpec { Preset = "itc-world-2030", TargetYear = 2020, Paths = paths, Seed = 7, Store = store };
        foreach (string indicator in new[] { "cgdpo", "openness", "trade" })
        {
            spec.Baselines.Add(new DriverBaseline { Indicator = indicator, Kind = DriverPathKind.Constant });
        }
        return spec;
    }

    [Fact]
    public async Task A_caller_that_cancels_its_stream_cancels_the_job_and_nothing_is_stored()
    {
        using var cancel = new CancellationTokenSource();
        using AsyncServerStreamingCall<RunScenarioResponse> call = _client.RunScenario(new RunScenarioRequest { Spec = Spec(paths: 20, store: true) }, cancellationToken: cancel.Token);
        string jobId = await FirstJobIdAsync(call);
        await server.Hooks.Reached(jobId);

        await cancel.CancelAsync();
        RpcException cut = await Assert.ThrowsAsync<RpcException>(() => DrainAsync(call));
        GetScenarioResponse ended = await WhenEndedAsync(jobId);
        server.Hooks.Release(jobId);
        GetScenarioResponse later = await _client.GetScenarioAsync(new GetScenarioRequest { JobId = jobId });

        Assert.Equal(StatusCode.Cancelled, cut.StatusCode);
        Assert.Equal(ScenarioJobState.Cancelled, ended.Job.State);
        Assert.Contains("caller's deadline or cancellation", ended.Job.Message, StringComparison.Ordinal);
        // The released run finds its job cancelled and stops: nothing is stored, before or after.
        Assert.Equal((ScenarioJobState.Cancelled, false), (later.Job.State, later.Job.Stored));
        Assert.Null(later.Result);
    }

    [Fact]
    public async Task CancelScenario_ends_the_jobs_stream_with_cancelled()
    {
        using AsyncServerStreamingCall<RunScenarioResponse> call = _client.RunScenario(new RunScenarioRequest { Spec = Spec(paths: 20, store: true) });
        string jobId = await FirstJobIdAsync(call);
        await server.Hooks.Reached(jobId);

        CancelScenarioResponse cancelled = await _client.CancelScenarioAsync(new CancelScenarioRequest { JobId = jobId });
        server.Hooks.Release(jobId);
        RpcException ended = await Assert.ThrowsAsync<RpcException>(() => DrainAsync(call));

        Assert.Equal(ScenarioJobState.Cancelled, cancelled.Job.State);
        Assert.Equal(StatusCode.Cancelled, ended.StatusCode);
        Assert.Equal($"Scenario job {jobId} was cancelled by CancelScenario; nothing was stored.", ended.Status.Detail);
        GetScenarioResponse after = await _client.GetScenarioAsync(new GetScenarioRequest { JobId = jobId });
        Assert.Equal((ScenarioJobState.Cancelled, false), (after.Job.State, after.Job.Stored));
        Assert.Null(after.Result);
    }

    [Fact]
    public async Task A_stream_and_a_stream_reattached_by_job_id_give_StartScenarios_numbers_bit_for_bit()
    {
        using AsyncServerStreamingCall<RunScenarioResponse> call = _client.RunScenario(new RunScenarioRequest { Spec = Spec(paths: 40, store: false) });
        string jobId = await FirstJobIdAsync(call);
        await server.Hooks.Reached(jobId);
        // Re-attached while the job is held after its first wave: it gets that wave from the job, then the rest.
        using AsyncServerStreamingCall<RunScenarioResponse> reattached = _client.RunScenario(new RunScenarioRequest { JobId = jobId });
        Task<List<RunScenarioResponse>> reattachedEvents = DrainAsync(reattached);
        Task<List<RunScenarioResponse>> streamedEvents = DrainAsync(call);
        server.Hooks.Release(jobId);
        List<RunScenarioResponse> streamed = await streamedEvents;
        List<RunScenarioResponse> again = await reattachedEvents;

        string referenceId = (await _client.StartScenarioAsync(new StartScenarioRequest { Spec = Spec(paths: 40, store: false) })).Job.JobId;
        await server.Hooks.Reached(referenceId);
        server.Hooks.Release(referenceId);
        GetScenarioResponse reference = await WhenEndedAsync(referenceId);
        GetScenarioResponse byId = await _client.GetScenarioAsync(new GetScenarioRequest { JobId = jobId });

        Assert.Equal(ScenarioJobState.Completed, reference.Job.State);
        Assert.True(reference.Result.Economies.Count > 16 * 2, $"{reference.Result.Economies.Count} economies: fewer than three waves");
        Assert.Equal(jobId, again[0].Job.JobId);
        foreach (List<RunScenarioResponse> events in new[] { streamed, again })
        {
            AssertSame(reference.Result.Economies, events.Where(e => e.Economy is not null).Select(e => e.Economy).ToList());
            ScenarioResult summary = events[^1].Summary;
            AssertSame(reference.Result.Aggregates, summary.Aggregates);
            Assert.Equal((reference.Result.Projected, reference.Result.Skipped), (summary.Projected, summary.Skipped));
            JobProgress last = events.Last(e => e.Progress is not null).Progress;
            Assert.Equal(last.Total, last.Done);
        }
        Assert.Equal(ScenarioJobState.Completed, byId.Job.State);
        AssertSame(reference.Result.Economies, byId.Result.Economies);
        AssertSame(reference.Result.Aggregates, byId.Result.Aggregates);
    }

    [Fact]
    public async Task Reattaching_to_no_job_is_not_found_and_with_a_spec_is_refused()
    {
        RpcException unknown = await Assert.ThrowsAsync<RpcException>(() => DrainAsync(_client.RunScenario(new RunScenarioRequest { JobId = new string('0', 32) })));
        RpcException both = await Assert.ThrowsAsync<RpcException>(() =>
            DrainAsync(_client.RunScenario(new RunScenarioRequest { JobId = new string('0', 32), Spec = Spec(paths: 0, store: false) })));

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, both.StatusCode);
        Assert.Contains("job_id to re-attach", both.Status.Detail, StringComparison.Ordinal);
    }

    /// <summary>Protobuf's equality compares doubles bitwise: equal series are the same numbers, bit for bit.</summary>
    private static void AssertSame(IReadOnlyList<ScenarioSeries> expected, IReadOnlyList<ScenarioSeries> actual)
    {
        Assert.Equal(expected.Select(e => e.Economy), actual.Select(a => a.Economy));
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Equals(actual[i]), $"{expected[i].Economy} differs");
        }
    }

    private static async Task<string> FirstJobIdAsync(AsyncServerStreamingCall<RunScenarioResponse> call)
    {
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "the stream ended before its first event");
        return call.ResponseStream.Current.Job?.JobId ?? throw new InvalidOperationException($"first event: {call.ResponseStream.Current}");
    }

    private static async Task<List<RunScenarioResponse>> DrainAsync(AsyncServerStreamingCall<RunScenarioResponse> call)
    {
        var events = new List<RunScenarioResponse>();
        await foreach (RunScenarioResponse message in call.ResponseStream.ReadAllAsync())
        {
            events.Add(message);
        }
        return events;
    }

    /// <summary>Asks for the job until it no longer runs; the cap only stops a job that never ends.</summary>
    private async Task<GetScenarioResponse> WhenEndedAsync(string jobId)
    {
        DateTime giveUp = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            GetScenarioResponse response = await _client.GetScenarioAsync(new GetScenarioRequest { JobId = jobId });
            if (response.Job.State != ScenarioJobState.Running || DateTime.UtcNow > giveUp)
            {
                return response;
            }
            await Task.Delay(50);
        }
    }
}
