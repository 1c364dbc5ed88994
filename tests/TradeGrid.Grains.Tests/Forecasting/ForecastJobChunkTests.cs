using Orleans.Concurrency;
using TradeGrid.Data.Model;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Economy;
using TradeGrid.Grains.Abstractions.Forecasting;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Forecasting;
using TradeGrid.Grains.Tests.Support;

namespace TradeGrid.Grains.Tests.Forecasting;

/// <summary>
/// A ForecastAll job stores each chunk's outcomes in a chunk grain of its own (each outcome written once), and reads
/// its result back from them, from any index; a follower's waiting read is woken by each stored chunk and the end.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ForecastJobChunkTests(TwoSiloCluster cluster)
{
    private static readonly double[] Levels = [80, 95];

    [Fact]
    public async Task Each_chunk_is_stored_once_in_its_own_grain_and_the_job_reads_them_back_in_plan_order()
    {
        // Arrange: more economies than two chunks hold, each with a short trending series.
        int count = (2 * ForecastJobGrain.Chunk) + 5;
        string[] codes = Enumerable.Range(0, count).Select(i => $"FJ{i:D3}").ToArray();
        foreach (string code in codes)
        {
            IEconomyGrain economy = cluster.Grains.Economy(code);
            await economy.Register(EconomyRecord.Bare(code));
            await economy.Write(new Immutable<ObservationBatch>(ObservationBatch.From(Enumerable.Range(2000, 12)
                .Select(y => new ObservationRow(code, "fj_x", "", y, 100 + (3 * (y - 2000)) + (code[^1] % 3), Provenance.Reported, "test", 0)).ToList())));
        }
        string jobId = Guid.NewGuid().ToString("N");
        var plan = new ForecastJobPlan { JobId = jobId, Economies = codes, Spec = new ForecastSpec("fj_x", string.Empty, "drift", 3, Levels, 0, 0, false, false) };
        IForecastJobGrain job = cluster.Grains.GetGrain<IForecastJobGrain>(jobId);

        // Act: follow the job to its end as the gateway does, each read waiting for the next chunk. The wait is far
        // longer than the job: a read that was not woken by a stored chunk would hold the test for it (a hang guard).
        await job.Start(plan);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var followed = new List<EconomyForecastOutcome>();
        var marks = new List<int>();
        ForecastJobPage page;
        do
        {
            page = (await job.Read(followed.Count, TimeSpan.FromMinutes(10), guard.Token))!;
            followed.AddRange(page.Outcomes);
            marks.Add(followed.Count);
        }
        while (page.Status.State == ForecastJobStatus.Running && !guard.IsCancellationRequested);
        page = (await job.Read(0, TimeSpan.Zero))!;

        // Assert: three chunk grains, two full and one of 5, whose outcomes in order are the job's whole result.
        Assert.False(guard.IsCancellationRequested, "a waiting read was not woken by the job's chunks or its end");
        Assert.Equal(ForecastJobStatus.Completed, page.Status.State);
        Assert.Equal(codes, page.Outcomes.Select(o => o.Economy));
        Assert.Equal(codes, followed.Select(o => o.Economy));
        // Every read ended at a chunk's end: outcomes are stored, and read, a whole chunk at a time.
        Assert.All(marks, seen => Assert.True(seen % ForecastJobGrain.Chunk == 0 || seen == count, $"a read ended after {seen} outcomes"));
        EconomyForecastOutcome[][] chunks = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(i => cluster.Grains.GetGrain<IForecastChunkGrain>(ForecastChunkGrain.Key(jobId, i)).Read().AsTask()));
        Assert.Equal([ForecastJobGrain.Chunk, ForecastJobGrain.Chunk, 5, 0], chunks.Select(c => c.Length));
        Assert.Equal(page.Outcomes.Select(o => o.Forecast!.Point), chunks.SelectMany(c => c).Select(o => o.Forecast!.Point));
        // Reading from inside a chunk returns the rest, as a follower asks for what it has not seen.
        int from = ForecastJobGrain.Chunk + 3;
        ForecastJobPage rest = (await job.Read(from, TimeSpan.Zero))!;
        Assert.Equal(codes[from..], rest.Outcomes.Select(o => o.Economy));
        Assert.Empty((await job.Read(count, TimeSpan.FromMinutes(10), guard.Token))!.Outcomes);
        Assert.False(guard.IsCancellationRequested, "a waiting read of an ended job waited");
    }
}
