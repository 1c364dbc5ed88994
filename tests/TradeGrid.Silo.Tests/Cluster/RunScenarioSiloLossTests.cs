using Grpc.Core;
using TradeGrid.Api.V1;
using TradeGrid.Silo.Tests.Support;
using Xunit.Abstractions;

namespace TradeGrid.Silo.Tests.Cluster;

/// <summary>
/// A streamed scenario (RunScenario, Monte Carlo over every economy of the default dataset) held by a file gate just
/// after its job stored a checkpoint, not at a guessed moment; a stream re-attaches by job id through each silo; then
/// kill -9 of the silo running the job. The job resumes from its checkpoint on the survivor; every stream served by
/// the survivor goes on to the end, every stream served by the killed silo breaks (whichever silo ran the job, there
/// is one of each). Every economy and aggregate streamed, and GetScenario's result by job id, are bit-identical to
/// the same spec and seed run again on the survivor alone.
/// </summary>
public sealed class RunScenarioSiloLossTests(ITestOutputHelper output)
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
        Task<List<RunScenarioResponse>> first = CollectAsync(call);
        (SiloProcess victim, string jobId, int waves) = await cluster.WhenHeldAsync();
        SiloProcess survivor = victim == a ? b : a;
        // A stream re-attached by job id through each silo, so that whichever silo runs the job, one stream is served
        // by the silo that dies and one by the silo that lives.
        (Task<List<RunScenarioResponse>> throughA, AsyncServerStreamingCall<RunScenarioResponse> callA) = await ReattachAsync(a, jobId);
        (Task<List<RunScenarioResponse>> throughB, AsyncServerStreamingCall<RunScenarioResponse> callB) = await ReattachAsync(b, jobId);
        using (callA)
        using (callB)
        {
            victim.Kill();
            cluster.ReleaseCheckpoint();
            output.WriteLine($"killed the {(victim == a ? "first stream's" : "other")} silo, which ran job {jobId}");

            var throughSurvivor = new ScenarioService.ScenarioServiceClient(survivor.Channel);
            GetScenarioResponse resumed = await ScenarioJobs.WhenEndedAsync(throughSurvivor, jobId);
            Assert.True(resumed.Job.State == ScenarioJobState.Completed, $"{resumed.Job.State}: {resumed.Job.Message}");
            Assert.Equal(1, waves);
            Assert.Contains($"Scenario job {jobId} resumes", survivor.Log);

            string again = (await throughSurvivor.StartScenarioAsync(new StartScenarioRequest { Spec = ScenarioJobs.WorldSpec(Paths, Seed) })).Job.JobId;
            GetScenarioResponse reference = await ScenarioJobs.WhenEndedAsync(throughSurvivor, again);
            Assert.Equal(ScenarioJobState.Completed, reference.Job.State);
            Assert.True(resumed.Result.Economies.Count > 16 * 2, $"{resumed.Result.Economies.Count} economies: fewer than three waves");
            ScenarioJobs.AssertSameNumbers(reference.Result, resumed.Result);

            // Streams served by the survivor followed the job to its new silo, to the end; those served by the killed
            // silo broke (their callers re-attach by job id: the survivor's re-attached stream, or GetScenario above).
            Task<List<RunScenarioResponse>>[] lived = victim == a ? [throughB] : [first, throughA];
            Task<List<RunScenarioResponse>>[] died = victim == a ? [first, throughA] : [throughB];
            foreach (Task<List<RunScenarioResponse>> stream in lived)
            {
                List<RunScenarioResponse> events = await stream;
                Assert.Equal(jobId, events[0].Job.JobId);
                AssertStreamed(reference.Result, events);
            }
            foreach (Task<List<RunScenarioResponse>> stream in died)
            {
                await Assert.ThrowsAsync<RpcException>(() => stream);
            }
        }
    }

    /// <summary>RunScenario {job_id} through a silo, read until its first event (the job) has arrived, then collected.</summary>
    private static async Task<(Task<List<RunScenarioResponse>> Events, AsyncServerStreamingCall<RunScenarioResponse> Call)> ReattachAsync(SiloProcess silo, string jobId)
    {
        AsyncServerStreamingCall<RunScenarioResponse> call = new ScenarioService.ScenarioServiceClient(silo.Channel).RunScenario(new RunScenarioRequest { JobId = jobId });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        RunScenarioResponse job = call.ResponseStream.Current;
        Assert.Equal(jobId, job.Job.JobId);
        return (CollectFromAsync(job, call), call);
    }

    private static async Task<List<RunScenarioResponse>> CollectFromAsync(RunScenarioResponse firstEvent, AsyncServerStreamingCall<RunScenarioResponse> call)
    {
        List<RunScenarioResponse> events = [firstEvent, .. await CollectAsync(call)];
        return events;
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
