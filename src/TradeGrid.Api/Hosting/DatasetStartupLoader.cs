using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradeGrid.Data.Dataset;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Cluster;
using TradeGrid.Grains.Cluster;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Hosting;

/// <summary>
/// Loads the embedded default dataset and every --data-dir folder once the server is listening, then marks it ready.
/// A dataset that cannot be read stops the server: answering from half the data would be worse.
/// Once per cluster: the first silo claims the load at the cluster's seed marker (<see cref="IClusterSeedGrain"/>);
/// a silo that joins a seeded cluster loads nothing (its --data-dir folders are ignored, and it says so), so data
/// imported since the first start is never overwritten.
/// </summary>
public sealed class DatasetStartupLoader(
    DatasetWriter writer,
    DatasetReadiness readiness,
    IOptions<TradeGridOptions> options,
    ClusterSettings cluster,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IHostApplicationLifetime lifetime,
    ILogger<DatasetStartupLoader> logger) : BackgroundService
{
    /// <summary>How long a claim to load lasts; a silo that died while loading hands over to the next after it.</summary>
    public static readonly TimeSpan SeedLease = TimeSpan.FromMinutes(5);

    /// <summary>How often a silo waiting for another's load asks the marker again.</summary>
    private static readonly TimeSpan SeedPoll = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await WhenStarted(stoppingToken);
            if (cluster.Resolve() == Backend.Memory)
            {
                logger.LogWarning("Backend: memory. Note: {Note}", ClusterSettings.MemoryOnlyNote);
            }
            else
            {
                logger.LogInformation("Backend: PostgreSQL, cluster {ClusterId}, service {ServiceId}, silo {Silo}", cluster.ClusterId, cluster.ServiceId, silo.SiloAddress);
            }

            IClusterSeedGrain seed = grains.ClusterSeed();
            string me = silo.SiloAddress.ToString();
            SeedClaim claim = await seed.Claim(me, SeedLease, stoppingToken);
            while (!claim.Seeded && !claim.Granted)
            {
                logger.LogInformation("Waiting for silo {Holder} to load the start-up data", claim.Holder);
                await Task.Delay(SeedPoll, stoppingToken);
                claim = await seed.Claim(me, SeedLease, stoppingToken);
            }
            if (claim.Seeded)
            {
                string joined = $"joined a cluster whose start-up data is loaded ({claim.Summary})";
                if (options.Value.DataDirs.Count > 0)
                {
                    logger.LogWarning("--data-dir ignored: the cluster's start-up data was loaded by the first silo; import the files instead");
                }
                readiness.MarkReady(joined);
                logger.LogInformation("TradeGrid ready: {Summary}", joined);
                return;
            }

            var files = new List<DatasetFile>();
            if (options.Value.LoadDefaultDataset)
            {
                files.AddRange(DefaultDataset.Files());
            }
            foreach (string dir in options.Value.DataDirs)
            {
                files.AddRange(DataDirectory.Files(dir).Select(f => f with { Name = Path.Combine(dir, f.Name) }));
            }
            TimeSpan waited = clock.Elapsed;
            LoadedDataset dataset = await Task.Run(() => DatasetReader.Read(files), stoppingToken);
            TimeSpan parsed = clock.Elapsed;
            ImportSummary summary = await writer.LoadAsync(dataset, stoppingToken);
            string line = $"{dataset.Economies.Select(e => e.Code).Concat(summary.EconomiesCreated).Distinct().Count()} economies, {summary.IndicatorsAdded.Count} indicators, "
                + $"{summary.ObservationsWritten} observations from {files.Count} files in {clock.Elapsed.TotalSeconds:F2} s "
                + $"(server up {waited.TotalSeconds:F2} s, read {(parsed - waited).TotalSeconds:F2} s, written {(clock.Elapsed - parsed).TotalSeconds:F2} s)";
            if (summary.EconomiesCreated.Count > 0)
            {
                logger.LogWarning("Created {Count} economies that the catalogue did not list: {Codes}", summary.EconomiesCreated.Count, string.Join(",", summary.EconomiesCreated.Take(20)));
            }
            await seed.MarkSeeded(me, line, stoppingToken);
            readiness.MarkReady(line);
            logger.LogInformation("TradeGrid ready: {Summary}", line);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            readiness.MarkFailed(new OperationCanceledException("the server stopped while loading"));
        }
        catch (Exception ex) when (ex is Domain.TradeGridException or IOException or UnauthorizedAccessException)
        {
            logger.LogCritical("Could not load the start-up data: {Message}", ex.Message);
            readiness.MarkFailed(ex);
            Environment.ExitCode = 2;
            lifetime.StopApplication();
        }
    }

    private Task WhenStarted(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}
