using System.Diagnostics;
using Grpc.Net.Client;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>
/// Memory of the scenario Monte Carlo as the paths grow: for each path count, a fresh silo (this build, and the
/// baseline build when given, alternating) runs <see cref="ScenarioBenchmark"/>'s problem (144 economies × 10 years,
/// coefficient and driver uncertainty) once deterministic and once with 1,000 paths (the drivers' forecasts and their
/// errors are then cached, the code jitted), then once with the paths; the silo's resident memory (VmRSS) before the Monte Carlo and its peak (VmHWM) after it, the run's wall
/// and the silo's CPU. Then, in this process, one economy's summaries (<see cref="ScenarioSummaryMemory"/>).
/// </summary>
internal sealed class ScenarioMemoryBenchmark(Servers servers)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public async Task RunAsync(BenchOptions options, ResultLog log)
    {
        log.Line($"#### scenario-memory, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        log.Line();
        log.Line($"`dotnet run -c Release --project bench/TradeGrid.Bench -- scenario-memory --paths {string.Join(',', options.Paths)}"
            + (options.BaselineSilo is null ? "" : " --baseline-silo <baseline TradeGrid.Silo.dll>") + $"`; load average at the start {ResultLog.LoadAverage()}.");
        log.Line();
        log.Line("| paths | build | economies | silo RSS before MiB (peak so far) | silo peak after MiB | peak − RSS before MiB | wall ms | silo CPU ms | load |");
        log.Line("|---:|---|---:|---:|---:|---:|---:|---:|---|");
        (string Name, string? Dll)[] builds = options.BaselineSilo is { } b ? [("this", null), ("baseline", b)] : [("this", null)];
        foreach (int paths in options.Paths)
        {
            foreach ((string name, string? dll) in builds)
            {
                log.Line(await RunOneAsync(paths, name, dll));
            }
        }

        log.Line();
        log.Line("One economy, 10 years, in this process (PathSummaries, exact limit 65,536 paths):");
        log.Line();
        log.Line("| paths | numbers held, bytes | bytes per economy-year | allocated bytes | CPU ms |");
        log.Line("|---:|---:|---:|---:|---:|");
        foreach (int paths in options.Paths.Append(640_000))
        {
            (long held, long allocated, double cpu) = ScenarioSummaryMemory.Measure(paths);
            log.Line($"| {paths:N0} | {held:N0} | {held / 10:N0} | {allocated:N0} | {ResultLog.F(cpu, 1)} |");
        }
    }

    private async Task<string> RunOneAsync(int paths, string build, string? dll)
    {
        (ServerProcess process, int port) = servers.StartTradeGrid(dll, ["--TradeGrid:Limits:MaxScenarioPaths=10000000"]);
        await using (process)
        {
            using GrpcChannel channel = Channels.Create(port);
            await Servers.WaitServingAsync(process, channel, StartTimeout);
            await Servers.WaitFirstSeriesAsync(process, new DataService.DataServiceClient(channel), SeriesPayload.Request, StartTimeout);
            var estimates = new EstimateService.EstimateServiceClient(channel);
            var scenarios = new ScenarioService.ScenarioServiceClient(channel);
            FitResponse fit = await estimates.FitAsync(new FitRequest { Spec = ScenarioBenchmark.Spec() });
            (_, List<ScenarioSeries> all) = await ScenarioBenchmark.RunAsync(scenarios, ScenarioBenchmark.Scenario(fit.Fit.FitId, [], 0));
            string[] economies = all.Where(e => e.Skipped.Length == 0).Select(e => e.Economy).Order(StringComparer.Ordinal).Take(200).ToArray();
            await ScenarioBenchmark.RunAsync(scenarios, ScenarioBenchmark.Scenario(fit.Fit.FitId, economies, 0));
            // A small Monte Carlo first: the drivers' forecast errors are then cached and the code jitted, as in a warm run.
            await ScenarioBenchmark.RunAsync(scenarios, ScenarioBenchmark.Scenario(fit.Fit.FitId, economies, 1000));
            (double rss, double peakBefore) = process.ReadMemory() ?? (double.NaN, double.NaN);
            TimeSpan cpu = process.CpuTime();
            long start = Stopwatch.GetTimestamp();
            await ScenarioBenchmark.RunAsync(scenarios, ScenarioBenchmark.Scenario(fit.Fit.FitId, economies, paths));
            double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            double cpuMs = (process.CpuTime() - cpu).TotalMilliseconds;
            (_, double peak) = process.ReadMemory() ?? (double.NaN, double.NaN);
            return $"| {paths:N0} | {build} | {economies.Length} | {ResultLog.F(rss, 0)} ({ResultLog.F(peakBefore, 0)}) | {ResultLog.F(peak, 0)} | {ResultLog.F(peak - rss, 0)} | {ResultLog.F(wall, 0)} | {ResultLog.F(cpuMs, 0)} | {ResultLog.LoadAverage()} |";
        }
    }
}
