using TradeGrid.Api.V1;
using TradeGrid.Silo.Tests.Support;

namespace TradeGrid.Silo.Tests.Cluster;

/// <summary>
/// A scenario Monte Carlo job over every economy of the default dataset (12 waves), held by a file gate just after
/// it stored a checkpoint, not at a guessed moment: kill -9 of the silo running it, or of every silo followed by new
/// ones, and the job resumes from its checkpoint on a live silo; the caller re-attaches by job id and gets the
/// full result, bit-identical to the same spec and seed run again on one silo with no loss.
/// </summary>
public sealed class ScenarioJobSiloLossTests
{
    private const int Paths = 300;
    private const ulong Seed = 7;

    [PostgresFact]
    public async Task KillingTheSiloRunningAScenarioJob_ResumesIt_WithTheSameResult()
    {
        await using GatedCluster cluster = await GatedCluster.CreateAsync();
        SiloProcess a = await cluster.StartGatedAsync();
        SiloProcess b = await cluster.StartGatedAsync();
        await cluster.HoldCheckpoint();

        var throughA = new ScenarioService.ScenarioServiceClient(a.Channel);
        Task<StartScenarioResponse> started = throughA.StartScenarioAsync(new StartScenarioRequest { Spec = ScenarioJobs.WorldSpec(Paths, Seed) }).ResponseAsync;
        int holder = await ScenarioJobs.WhenCheckpointHeldAsync(cluster.Gate, started);
        string jobId = (await started).Job.JobId;
        SiloProcess victim = cluster.Silo(holder);
        SiloProcess survivor = victim == a ? b : a;
        victim.Kill();
        cluster.ReleaseCheckpoint();

        var throughSurvivor = new ScenarioService.ScenarioServiceClient(survivor.Channel);
        GetScenarioResponse resumed = await ScenarioJobs.WhenEndedAsync(throughSurvivor, jobId);
        Assert.True(resumed.Job.State == ScenarioJobState.Completed, $"{resumed.Job.State}: {resumed.Job.Message}");
        Assert.Contains($"Scenario job {jobId} resumes", survivor.Log);

        string again = (await throughSurvivor.StartScenarioAsync(new StartScenarioRequest { Spec = ScenarioJobs.WorldSpec(Paths, Seed) })).Job.JobId;
        GetScenarioResponse reference = await ScenarioJobs.WhenEndedAsync(throughSurvivor, again);
        Assert.Equal(ScenarioJobState.Completed, reference.Job.State);
        Assert.True(resumed.Result.Economies.Count > 16 * 2, $"{resumed.Result.Economies.Count} economies: fewer than three waves");
        ScenarioJobs.AssertSameNumbers(reference.Result, resumed.Result);
    }

    [PostgresFact]
    public async Task AFullRestartDuringAScenarioJob_ResumesIt_WithTheSameResult()
    {
        await using GatedCluster cluster = await GatedCluster.CreateAsync();
        SiloProcess a = await cluster.StartGatedAsync();
        SiloProcess b = await cluster.StartGatedAsync();
        await cluster.HoldCheckpoint();
        Task<StartScenarioResponse> started = new ScenarioService.ScenarioServiceClient(b.Channel)
            .StartScenarioAsync(new StartScenarioRequest { Spec = ScenarioJobs.WorldSpec(Paths, Seed) }).ResponseAsync;
        await ScenarioJobs.WhenCheckpointHeldAsync(cluster.Gate, started);
        string jobId = (await started).Job.JobId;

        a.Kill();
        b.Kill();
        SiloProcess c = await cluster.StartAsync(a.SiloPort);
        SiloProcess d = await cluster.StartAsync(b.SiloPort);

        var throughD = new ScenarioService.ScenarioServiceClient(d.Channel);
        GetScenarioResponse resumed = await ScenarioJobs.WhenEndedAsync(throughD, jobId);
        Assert.True(resumed.Job.State == ScenarioJobState.Completed, $"{resumed.Job.State}: {resumed.Job.Message}");
        ListScenariosResponse listed = await throughD.ListScenariosAsync(new ListScenariosRequest());
        Assert.Contains(listed.Jobs, j => j.JobId == jobId && j.State == ScenarioJobState.Completed);

        string again = (await throughD.StartScenarioAsync(new StartScenarioRequest { Spec = ScenarioJobs.WorldSpec(Paths, Seed) })).Job.JobId;
        GetScenarioResponse reference = await ScenarioJobs.WhenEndedAsync(throughD, again);
        Assert.Equal(ScenarioJobState.Completed, reference.Job.State);
        ScenarioJobs.AssertSameNumbers(reference.Result, resumed.Result);
    }
}
