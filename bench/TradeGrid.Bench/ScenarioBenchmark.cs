using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>
/// Scenarios through the server. A fit (ln rgdpna on ln pop, hc and openness, every economy 1990–2007, classical
/// covariance) is made once; then RunScenario to ten years after the data (drivers forecast by drift, openness +10% in
/// RCEP) is timed to the end of its stream, deterministic (paths 0) and with 10,000 Monte Carlo paths (coefficient and
/// driver uncertainty) over the 144 economies with every driver; with <c>--generated N</c>, the same over N generated
/// economies (<see cref="GeneratedScenarioPanel"/>, 1990–2017, openness +10% in every tenth). The same problem, as the server ran it (coefficients, covariance, bias
/// correction, every economy's driver paths and forecast SEs, where the shock holds), goes to
/// bench/scenarios/problem.json and the vectorised numpy reference (bench/scenarios/numpy_reference.py) runs on it in
/// the same run (<see cref="ScenarioNumpyReference"/>). Server: wall time from the call to the end of the stream, and
/// the server process's CPU time over the timed runs.
/// </summary>
internal sealed class ScenarioBenchmark(Servers servers, RepositoryLayout layout)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public async Task RunAsync(BenchOptions options, ResultLog log)
    {
        (ServerProcess process, int port) = servers.StartTradeGrid();
        await using (process)
        {
            using GrpcChannel channel = Channels.Create(port);
            await Servers.WaitServingAsync(process, channel, StartTimeout);
            await Servers.WaitFirstSeriesAsync(process, new DataService.DataServiceClient(channel), SeriesPayload.Request, StartTimeout);
            var estimates = new EstimateService.EstimateServiceClient(channel);
            var scenarios = new ScenarioService.ScenarioServiceClient(channel);
            string[] generated = GeneratedScenarioPanel.Codes(options.Generated);
            if (generated.Length > 0)
            {
                await GeneratedScenarioPanel.ImportAsync(new DataService.DataServiceClient(channel), generated);
            }

            FitResponse fit = await estimates.FitAsync(new FitRequest { Spec = Spec(generated) });

            // The economies the fit covers (those with every driver), in code order.
            (_, List<ScenarioSeries> all) = await RunAsync(scenarios, Scenario(fit.Fit.FitId, generated, 0, generated));
            ScenarioSeries[] projected = all.Where(e => e.Skipped.Length == 0).ToArray();
            string[] economies = projected.Select(e => e.Economy).Order(StringComparer.Ordinal).ToArray();
            ScenarioSpec deterministic = Scenario(fit.Fit.FitId, economies, 0, generated);
            ScenarioSpec monteCarlo = Scenario(fit.Fit.FitId, economies, 10_000, generated);

            var deterministicMs = new List<double>();
            var monteCarloMs = new List<double>();
            for (int i = 0; i < options.WarmUp; i++)
            {
                await RunAsync(scenarios, deterministic);
            }

            List<ScenarioSeries> projection = [];
            for (int i = 0; i < options.Requests; i++)
            {
                long start = Stopwatch.GetTimestamp();
                projection = (await RunAsync(scenarios, deterministic)).Economies;
                deterministicMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            long firstStart = Stopwatch.GetTimestamp();
            (ScenarioResult Summary, List<ScenarioSeries> Economies) last = await RunAsync(scenarios, monteCarlo);
            double firstMonteCarloMs = Stopwatch.GetElapsedTime(firstStart).TotalMilliseconds;
            TimeSpan cpuBefore = process.CpuTime();
            int monteCarloRuns = Math.Min(options.Requests, 5);
            for (int i = 0; i < monteCarloRuns; i++)
            {
                long start = Stopwatch.GetTimestamp();
                last = await RunAsync(scenarios, monteCarlo);
                monteCarloMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            double serverCpuMs = (process.CpuTime() - cpuBefore).TotalMilliseconds / monteCarloRuns;
            string problem = await ScenarioNumpyReference.WriteProblemAsync(Path.Combine(layout.Root, "bench", "scenarios", "problem.json"),
                new ForecastService.ForecastServiceClient(channel), Method, last.Summary, projection, economies, 10_000);
            using JsonDocument numpy = await ScenarioNumpyReference.RunAsync(layout, problem, monteCarloRuns + 1);
            JsonElement n = numpy.RootElement;
            double numpyFirst = n.GetProperty("first").GetProperty("wall_s").GetDouble() * 1000.0;
            double numpyWall = n.GetProperty("warm_median_wall_s").GetDouble() * 1000.0;
            double numpyCpu = n.GetProperty("warm_median_cpu_s").GetDouble() * 1000.0;
            double numpyMedian = n.GetProperty("world").GetProperty("baseline").GetProperty("quantiles")[3].EnumerateArray().Last().GetDouble();
            ScenarioSeries world = last.Summary.Aggregates.Single(a => a.Economy == "WLD");
            log.Line($"#### scenarios, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            log.Line();
            string generatedSwitch = generated.Length > 0 ? $" --generated {generated.Length}" : string.Empty;
            log.Line($"`dotnet run -c Release --project bench/TradeGrid.Bench -- scenarios --requests {options.Requests} --warmup {options.WarmUp}{generatedSwitch}`; load average at the start {ResultLog.LoadAverage()}.");
            log.Line();
            string panel = generated.Length > 0 ? $"the {generated.Length} generated economies" : "every economy";
            string shocked = generated.Length > 0 ? "every tenth generated economy" : "RCEP";
            log.Line($"Fit: ln rgdpna ~ ln pop + hc + openness, {panel} 1990–2007, N = {fit.Fit.Observations}. Scenario: {economies.Length} economies, "
                + $"{last.Summary.FirstYear}–{last.Summary.LastYear}, drivers forecast by drift, openness +10% in {shocked}; world 2027 baseline median "
                + $"{world.Years[^1].BaselinePaths.Quantiles[3].ToString("G6", CultureInfo.InvariantCulture)}.");
            log.Line();
            log.Line("| measure | server median / p90 ms |");
            log.Line("|---|---:|");
            log.Line($"| deterministic baseline vs scenario, {economies.Length} economies × {last.Summary.LastYear - last.Summary.FirstYear + 1} years (RunScenario, whole stream) | {ResultLog.F(Statistics.Median(deterministicMs), 1)} / {ResultLog.F(P90(deterministicMs), 1)} |");
            log.Line($"| 10,000 paths × {economies.Length} economies × {last.Summary.LastYear - last.Summary.FirstYear + 1} years, coefficient + driver uncertainty, first run | {ResultLog.F(firstMonteCarloMs, 1)} |");
            log.Line($"| the same, warm | {ResultLog.F(Statistics.Median(monteCarloMs), 1)} / {ResultLog.F(P90(monteCarloMs), 1)} |");
            log.Line();
            log.Line($"Deterministic: {deterministicMs.Count} timed runs after {options.WarmUp} warm-up runs (the drivers' forecasts are then cached in the economy grains); Monte Carlo: {monteCarloMs.Count} timed runs after one warm-up run.");
            log.Line();
            log.Line($"The same Monte Carlo problem (bench/scenarios/problem.json, written from the server's run) in numpy ({n.GetProperty("numpy").GetString()}, Python {n.GetProperty("python").GetString()}), "
                + $"run right after, {n.GetProperty("runs").GetArrayLength()} runs:");
            log.Line();
            log.Line($"| 10,000 paths × {economies.Length} economies × {last.Summary.LastYear - last.Summary.FirstYear + 1} years | wall ms (median of warm runs) | CPU ms per run | world last-year baseline median |");
            log.Line("|---|---:|---:|---:|");
            log.Line($"| server (RunScenario to the end of the stream; CPU: the silo process, both cores) | {ResultLog.F(Statistics.Median(monteCarloMs), 1)} | {ResultLog.F(serverCpuMs, 1)} | {world.Years[^1].BaselinePaths.Quantiles[3].ToString("G6", CultureInfo.InvariantCulture)} |");
            log.Line($"| numpy (simulate(): Cholesky, draws, propagation, per-economy and world moments and quantiles; one core) | {ResultLog.F(numpyWall, 1)} (first {ResultLog.F(numpyFirst, 1)}) | {ResultLog.F(numpyCpu, 1)} | {numpyMedian.ToString("G6", CultureInfo.InvariantCulture)} |");
            log.Line($"| numpy / server | {ResultLog.F(numpyWall / Statistics.Median(monteCarloMs), 2)} (wall) | {ResultLog.F(numpyCpu / serverCpuMs, 2)} (CPU) | |");
            log.Line();
            log.Line($"Inside the server's timer and not numpy's: the gRPC call and its streamed answer ({economies.Length} economies' and the aggregates' distributions), "
                + "planning (the fit's version check), the drivers' forecasts (cached in the economy grains after the first run), the grain calls. "
                + "Inside both: the coefficient draws (one per path), the driver errors, baseline and scenario propagation, every economy's and the world's mean, SD and 7 exact quantiles per year. "
                + "The random streams differ (xoshiro256** per economy and path vs numpy's PCG64), so the world medians agree to Monte Carlo error, not bit for bit.");
        }
    }

    internal static async Task<(ScenarioResult Summary, List<ScenarioSeries> Economies)> RunAsync(ScenarioService.ScenarioServiceClient client, ScenarioSpec spec)
    {
        using AsyncServerStreamingCall<RunScenarioResponse> call = client.RunScenario(new RunScenarioRequest { Spec = spec });
        var economies = new List<ScenarioSeries>();
        ScenarioResult? summary = null;
        await foreach (RunScenarioResponse m in call.ResponseStream.ReadAllAsync())
        {
            if (m.Economy is { } e)
            {
                economies.Add(e);
            }
            else if (m.Summary is { } s)
            {
                summary = s;
            }
        }

        return (summary ?? throw new InvalidOperationException("RunScenario ended without its summary"), economies);
    }

    private const string Method = "drift";

    internal static ScenarioSpec Scenario(string fitId, string[] economies, int paths, string[]? generated = null)
    {
        // No residual noise: the numpy reference simulates the coefficients' and the drivers' uncertainty, as the server does here.
        var spec = new ScenarioSpec { FitId = fitId, Paths = paths, Seed = 1 };
        spec.Economies.AddRange(economies);
        foreach (string driver in new[] { "pop", "hc", "openness" })
        {
            spec.Baselines.Add(new DriverBaseline { Indicator = driver, Kind = DriverPathKind.Forecast, Method = Method });
        }

        var shock = new ScenarioShock { Indicator = "openness", Kind = ShockKind.Percent, Value = 10 };
        if (generated is { Length: > 0 })
        {
            shock.Economies.AddRange(generated.Where((_, i) => i % 10 == 0));
        }
        else
        {
            shock.Groups.Add("RCEP");
        }
        spec.Shocks.Add(shock);
        return spec;
    }

    internal static ModelSpec Spec(string[]? generated = null)
    {
        var spec = new ModelSpec
        {
            Dependent = new ModelVariable { Indicator = "rgdpna", Transform = VariableTransform.Log },
            Sample = new ModelSample { From = 1990, To = 2007 },
            Covariance = CovarianceType.Classical,
        };
        if (generated is { Length: > 0 })
        {
            spec.Sample.Economies.AddRange(generated);
        }
        else
        {
            spec.Sample.Groups.Add("WLD");
        }

        spec.Regressors.Add(new ModelVariable { Indicator = "pop", Transform = VariableTransform.Log });
        spec.Regressors.Add(new ModelVariable { Indicator = "hc" });
        spec.Regressors.Add(new ModelVariable { Indicator = "openness" });
        return spec;
    }

    private static double P90(IReadOnlyList<double> values) => Statistics.Percentile(values.Order().ToArray(), 90);
}
