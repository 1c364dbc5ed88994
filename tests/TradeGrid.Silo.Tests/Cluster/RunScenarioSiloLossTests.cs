using Grpc.Core;
using TradeGrid.Api.V1;
using TradeGrid.Silo.Tests.Support;

namespace TradeGrid.Silo.Tests.Cluster;

/// <summary>
/// A streamed scenario (RunScenario, Monte Carlo over every economy of the default dataset) held by a file gate just
/// after its job stored a checkpoint, not at a guessed moment; a second stream re-attaches by job id through the
/// other silo; then kill -9 of the silo running the job. The job resumes from its checkpoint on the survivor; the
/// re-attached stream, served by the survivor, goes on to the end; the first stream goes on too when its silo
/// survived, and breaks when it did not. Every economy and aggregate streamed, and GetScenario's result by job id,
/// are bit-identical to the same spec and seed run again on the survivor alone.
/// </summary>
public sealed class RunScenarioSiloLossTests
{
    private const int Paths = 300;
    private const ulong Seed = 7;

    [PostgresFact]
    public async Task KillingTheSiloRunningAStreamedScenario_ResumesIt_AndTheStreamsGetTheSameResult()
    {
        await using GatedCluster cluster = await GatedCluster.CreateAsync();
        SiloProcess a = await cluster.StartGatedAsync();
        SiloProcess b = await cluster.StartGatedAsync();
        await cluster.HoldCheckpoint();

        using AsyncServerStreamingCall<RunScenarioResponse> call = new ScenarioService.ScenarioServiceClient(a.Channel)
            .RunScenario(new RunScenarioRequest { Spec = ScenarioJobs.WorldSpec(Paths, Seed) });
        Task<List<RunScenarioResponse>> streamed = CollectAsync(call);
        (int holder, string jobId, int waves) = await ForecastJobs.WhenCheckpointHeldAsync(cluster.Gate);
        SiloProcess victim = holder == a.Pid ? a : holder == b.Pid ? b : throw new InvalidOperationException($"process {holder} is neither silo");
        SiloProcess survivor = victim == a ? b : a;
        var throughSurvivor = new ScenarioService.ScenarioServiceClient(survivor.Channel);
        using AsyncServerStreamingCall<RunScenarioResponse> reattach = throughSurvivor.RunScenario(new RunScenarioRequest { JobId = jobId });
        Assert.True(await reattach.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(jobId, reattach.ResponseStream.Current.Job.JobId);
        Task<List<RunScenarioResponse>> reattached = CollectAsync(reattach);
        victim.Kill();
        cluster.ReleaseCheckpoint();

        GetScenarioResponse resumed = await ScenarioJobs.WhenEndedAsync(throughSurvivor, jobId);
        Assert.True(resumed.Job.State == ScenarioJobState.Completed, $"{resumed.Job.State}: {resumed.Job.Message}");
        Assert.Equal(1, waves);
        Assert.Contains($"Scenario job {jobId} resumes", survivor.Log);

        string again = (await throughSurvivor.StartScenarioAsync(new StartScenarioRequest { Spec = ScenarioJobs.WorldSpec(Paths, Seed) })).Job.JobId;
        GetScenarioResponse reference = await ScenarioJobs.WhenEndedAsync(throughSurvivor, again);
        Assert.Equal(ScenarioJobState.Completed, reference.Job.State);
        Assert.True(resumed.Result.Economies.Count > 16 * 2, $"{resumed.Result.Economies.Count} economies: fewer than three waves");
        ScenarioJobs.AssertSameNumbers(reference.Result, resumed.Result);

        // The stream served by the survivor followed the job to its new silo, to the end.
        AssertStreamed(reference.Result, await reattached);
        if (victim == a)
        {
            // The first stream's silo died: it broke, and the caller re-attached by job id (above).
            await Assert.ThrowsAsync<RpcException>(() => streamed);
        }
        else
        {
            List<RunScenarioResponse> events = await streamed;
            Assert.Equal(jobId, events[0].Job.JobId);
            AssertStreamed(reference.Result, events);
        }
    }

    /// <summary>A stream's economies and summary against a result: bit for bit (protobuf's equality compares doubles bitwise).</summary>
    private static void AssertStreamed(ScenarioResult expected, List<RunScenarioResponse> events)
    {
        ScenarioResult streamed = events[^1].Summary ?? throw new InvalidOperationException($"the stream's last event is not the summary: {events[^1]}");
        streamed.Economies.AddRange(events.Where(e => e.Economy is not null).Select(e => e.Economy));
        ScenarioJobs.AssertSameNumbers(expected, streamed);
    }

    private static async Task<List<RunScenarioResponse>> CollectAsync(AsyncServerStreamingCall<RunScenarioResponse> call)
    {
        var events = new List<RunScenarioResponse>();
        await foreach (RunScenarioResponse message in call.ResponseStream.ReadAllAsync())
        {
            events.Add(message);
        }
        return events;
    }
}
