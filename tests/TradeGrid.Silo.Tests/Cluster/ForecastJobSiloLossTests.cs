using System.Diagnostics;
using Grpc.Core;
using TradeGrid.Api.V1;
using TradeGrid.Silo.Tests.Support;
using Xunit.Abstractions;

namespace TradeGrid.Silo.Tests.Cluster;

/// <summary>
/// A stored ForecastAll over every economy of the default dataset, held by a file gate just after its job stored its
/// first chunk (not at a guessed moment): kill -9 of the silo running the job, and the job resumes from the stored
/// chunk on the other silo. The caller's stream goes on when it was served by the survivor, and breaks when it was
/// served by the killed silo; either way GetForecastJob by job id gives the full result and the one committed write,
/// every outcome bit-identical to the same request run again on the survivor alone, and every economy's series holds
/// exactly the points the job reported.
/// </summary>
public sealed class ForecastJobSiloLossTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task KillingTheSiloRunningAStoredForecastAll_ResumesIt_WithTheSameResultAndOneWrite()
    {
        await using GatedCluster cluster = await GatedCluster.CreateAsync();
        SiloProcess a = await cluster.StartGatedAsync();
        SiloProcess b = await cluster.StartGatedAsync();
        await cluster.HoldCheckpoint();

        using AsyncServerStreamingCall<ForecastAllResponse> call = new ForecastService.ForecastServiceClient(a.Channel).ForecastAll(ForecastJobs.StoredWorld());
        Task<List<ForecastAllResponse>> streamed = ForecastJobs.CollectAsync(call);
        (SiloProcess victim, string jobId, int chunks) = await cluster.WhenHeldAsync();
        SiloProcess survivor = victim == a ? b : a;
        victim.Kill();
        var sinceKill = Stopwatch.StartNew();
        cluster.ReleaseCheckpoint();

        var throughSurvivor = new ForecastService.ForecastServiceClient(survivor.Channel);
        GetForecastJobResponse resumed = await ForecastJobs.WhenEndedAsync(throughSurvivor, jobId);
        Assert.True(resumed.Job.State == ForecastJobState.Completed, $"{resumed.Job.State}: {resumed.Job.Message}");
        output.WriteLine($"kill -9 of the {(victim == a ? "streaming" : "other")} silo to the job's completion: {sinceKill.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(1, chunks);
        Assert.True(resumed.Job.Progress.Total > 100, $"{resumed.Job.Progress.Total} economies");
        Assert.Contains($"ForecastAll job {jobId} resumes", survivor.Log);
        Assert.True(resumed.Write.Committed);
        GetWriteResponse write = await new WriteService.WriteServiceClient(survivor.Channel).GetWriteAsync(new GetWriteRequest { WriteId = resumed.Write.WriteId });
        Assert.Equal(WriteState.Committed, write.State);

        if (victim == a)
        {
            // The stream's silo died with the job: the caller re-attached by job id (above).
            await Assert.ThrowsAsync<RpcException>(() => streamed);
        }
        else
        {
            // The stream's silo survived: it followed the job to its new silo, to the end.
            List<ForecastAllResponse> events = await streamed;
            Assert.Equal(jobId, events[0].Job.JobId);
            ForecastJobs.AssertSameNumbers(resumed.Results, events.Where(e => e.Result is not null).Select(e => e.Result).ToList());
            Assert.Equal(resumed.Write, events[^1].Write);
        }

        var data = new DataService.DataServiceClient(survivor.Channel);
        EconomyForecast[] stored = resumed.Results.Where(r => r.Forecast is { Stored: > 0 }).ToArray();
        Assert.True(stored.Length > 100, $"{stored.Length} economies stored points");
        foreach (EconomyForecast outcome in stored)
        {
            Series series = (await data.GetSeriesAsync(new GetSeriesRequest { Economy = outcome.Economy, Indicator = "rgdpna", From = outcome.Forecast.OriginYear + 1 })).Series;
            Assert.Equal(outcome.Forecast.Points.Select(p => (p.Year, p.Value, Provenance.Forecast)), series.Observations.Select(o => (o.Year, o.Value, o.Provenance)));
        }

        List<ForecastAllResponse> again = await ForecastJobs.CollectAsync(throughSurvivor.ForecastAll(ForecastJobs.StoredWorld()));
        Assert.True(again[^1].Write.Committed);
        ForecastJobs.AssertSameNumbers(again.Where(e => e.Result is not null).Select(e => e.Result).ToList(), resumed.Results);
    }

    [PostgresFact]
    public async Task AFullRestartDuringAStoredForecastAll_ResumesIt_AndTheCallerReattachesByJobId()
    {
        await using GatedCluster cluster = await GatedCluster.CreateAsync();
        SiloProcess a = await cluster.StartGatedAsync();
        SiloProcess b = await cluster.StartGatedAsync();
        await cluster.HoldCheckpoint();
        using AsyncServerStreamingCall<ForecastAllResponse> call = new ForecastService.ForecastServiceClient(b.Channel).ForecastAll(ForecastJobs.StoredWorld());
        Task<List<ForecastAllResponse>> streamed = ForecastJobs.CollectAsync(call);
        (_, string jobId, _) = await cluster.WhenHeldAsync();

        a.Kill();
        b.Kill();
        await Assert.ThrowsAsync<RpcException>(() => streamed);
        SiloProcess c = await cluster.StartAsync(a.SiloPort);
        SiloProcess d = await cluster.StartAsync(b.SiloPort);

        var throughD = new ForecastService.ForecastServiceClient(d.Channel);
        GetForecastJobResponse resumed = await ForecastJobs.WhenEndedAsync(throughD, jobId);
        Assert.True(resumed.Job.State == ForecastJobState.Completed, $"{resumed.Job.State}: {resumed.Job.Message}");
        Assert.Contains($"ForecastAll job {jobId} resumes", c.Log + d.Log);
        Assert.Equal(resumed.Job.Progress.Total, resumed.Job.Progress.Done);
        Assert.Equal(WriteState.Committed, (await new WriteService.WriteServiceClient(d.Channel).GetWriteAsync(new GetWriteRequest { WriteId = resumed.Write.WriteId })).State);

        List<ForecastAllResponse> again = await ForecastJobs.CollectAsync(throughD.ForecastAll(ForecastJobs.StoredWorld()));
        Assert.True(again[^1].Write.Committed);
        ForecastJobs.AssertSameNumbers(again.Where(e => e.Result is not null).Select(e => e.Result).ToList(), resumed.Results);
    }
}
