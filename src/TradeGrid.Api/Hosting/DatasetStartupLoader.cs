using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradeGrid.Data.Dataset;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Hosting;

/// <summary>
/// Loads the embedded default dataset and every --data-dir folder once the server is listening, then marks it ready.
/// A dataset that cannot be read stops the server: answering from half the data would be worse.
/// </summary>
public sealed class DatasetStartupLoader(
    DatasetWriter writer,
    DatasetReadiness readiness,
    IOptions<TradeGridOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DatasetStartupLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await WhenStarted(stoppingToken);
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
