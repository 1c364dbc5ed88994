using TradeGrid.Api.V1;
using TradeGrid.Grains.Cluster;
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
        string database = await TestPostgres.CreateDatabaseAsync();
        await PostgresSchema.MigrateAsync(database, CancellationToken.None);
        string gate = Directory.CreateTempSubdirectory("tradegrid-jobgate").FullName;
        SiloProcess? a = null, b = null;
        try
        {
            a = await SiloProcess.StartAsync(database, defaultData: true, jobGate: gate);
            b = await SiloProcess.StartAsync(database, defaultData: true, jobGate: gate);
            await File.WriteAllTextAsync(Path.Combine(gate, "hold-checkpoint"), string.Empty);

            var throughA = new ScenarioService.ScenarioServiceClient(a.Channel);
            Task<StartScenarioResponse> started = throughA.StartScenarioAsync(new StartScenarioRequest { Spec = ScenarioJobs.WorldSpec(Paths, Seed) }).ResponseAsync;
            int holder = await ScenarioJobs.WhenCheckpointHeldAsync(gate, started);
            string jobId = (await started).Job.JobId;
            SiloProcess victim = holder == a.Pid ? a : holder == b.Pid ? b : throw new InvalidOperationException($"process {holder} is neither silo");
            SiloProcess survivor = victim == a ? b : a;
            victim.Kill();
            File.Delete(Path.Combine(gate, "hold-checkpoint"));

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
        finally
        {
            foreach (SiloProcess? silo in new[] { a, b })
            {
                if (silo is not null)
                {
                    await silo.DisposeAsync();
                }
            }
            Directory.Delete(gate, recursive: true);
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [PostgresFact]
    public async Task AFullRestartDuringAScenarioJob_ResumesIt_WithTheSameResult()
    {
        string database = await TestPostgres.CreateDatabaseAsync();
        await PostgresSchema.MigrateAsync(database, CancellationToken.None);
        string gate = Directory.CreateTempSubdirectory("tradegrid-jobgate").FullName;
        SiloProcess? a = null, b = null, c = null, d = null;
        try
        {
            a = await SiloProcess.StartAsync(database, defaultData: true, jobGate: gate);
            b = await SiloProcess.StartAsync(database, defaultData: true, jobGate: gate);
            await File.WriteAllTextAsync(Path.Combine(gate, "hold-checkpoint"), string.Empty);
            Task<StartScenarioResponse> started = new ScenarioService.ScenarioServiceClient(b.Channel)
                .StartScenarioAsync(new StartScenarioRequest { Spec = ScenarioJobs.WorldSpec(Paths, Seed) }).ResponseAsync;
            await ScenarioJobs.WhenCheckpointHeldAsync(gate, started);
            string jobId = (await started).Job.JobId;

            a.Kill();
            b.Kill();
            c = await SiloProcess.StartAsync(database, a.SiloPort, defaultData: true);
            d = await SiloProcess.StartAsync(database, b.SiloPort, defaultData: true);

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
        finally
        {
            foreach (SiloProcess? silo in new[] { a, b, c, d })
            {
                if (silo is not null)
                {
                    await silo.DisposeAsync();
                }
            }
            Directory.Delete(gate, recursive: true);
            await TestPostgres.DropDatabaseAsync(database);
        }
    }
}
