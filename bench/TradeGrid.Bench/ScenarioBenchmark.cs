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
/// driver uncertainty, residual noise) over 200 economies. The problem's sizes and the fit's coefficients and covariance
/// go to bench/scenarios/problem.json for the vectorised numpy reference (bench/scenarios/, run beside it).
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
            FitResponse fit = await estimates.FitAsync(new FitRequest { Spec = Spec() });

            // The economies the fit covers, first 200 in code order (those with every driver).
            (ScenarioResult probe, List<ScenarioSeries> all) = await RunAsync(scenarios, Scenario(fit.Fit.FitId, [], 0));
            ScenarioSeries[] projected = all.Where(e => e.Skipped.Length == 0).ToArray();
            string[] economies = projected.Select(e => e.Economy).Order(StringComparer.Ordinal).Take(200).ToArray();
            ScenarioSpec deterministic = Scenario(fit.Fit.FitId, economies, 0);
            ScenarioSpec monteCarlo = Scenario(fit.Fit.FitId, economies, 10_000);

            var deterministicMs = new List<double>();
            var monteCarloMs = new List<double>();
            for (int i = 0; i < options.WarmUp; i++)
            {
                await RunAsync(scenarios, deterministic);
            }

            for (int i = 0; i < options.Requests; i++)
            {
                long start = Stopwatch.GetTimestamp();
                await RunAsync(scenarios, deterministic);
                deterministicMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            (ScenarioResult Summary, List<ScenarioSeries> Economies) last = await RunAsync(scenarios, monteCarlo);
            for (int i = 0; i < Math.Min(options.Requests, 5); i++)
            {
                long start = Stopwatch.GetTimestamp();
                last = await RunAsync(scenarios, monteCarlo);
                monteCarloMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            WriteProblem(probe, fit.Fit, economies.Length);
            ScenarioSeries world = last.Summary.Aggregates.Single(a => a.Economy == "WLD");
            log.Line($"#### scenarios, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            log.Line();
            log.Line($"`dotnet run -c Release --project bench/TradeGrid.Bench -- scenarios --requests {options.Requests} --warmup {options.WarmUp}`; load average at the start {ResultLog.LoadAverage()}.");
            log.Line();
            log.Line($"Fit: ln rgdpna ~ ln pop + hc + openness, every economy 1990–2007, N = {fit.Fit.Observations}. Scenario: {economies.Length} economies, "
                + $"{last.Summary.FirstYear}–{last.Summary.LastYear}, drivers forecast by drift, openness +10% in RCEP; world 2027 baseline median "
                + $"{world.Years[^1].BaselinePaths.Quantiles[3].ToString("G6", CultureInfo.InvariantCulture)}.");
            log.Line();
            log.Line("| measure | server median / p90 ms |");
            log.Line("|---|---:|");
            log.Line($"| deterministic baseline vs scenario, {economies.Length} economies × {last.Summary.LastYear - last.Summary.FirstYear + 1} years (RunScenario, whole stream) | {ResultLog.F(Statistics.Median(deterministicMs), 1)} / {ResultLog.F(P90(deterministicMs), 1)} |");
            log.Line($"| 10,000 paths × {economies.Length} economies × {last.Summary.LastYear - last.Summary.FirstYear + 1} years, coefficient + driver + residual uncertainty | {ResultLog.F(Statistics.Median(monteCarloMs), 1)} / {ResultLog.F(P90(monteCarloMs), 1)} |");
            log.Line();
            log.Line($"Deterministic: {deterministicMs.Count} timed runs after {options.WarmUp} warm-up runs (the drivers' forecasts are then cached in the economy grains); Monte Carlo: {monteCarloMs.Count} timed runs after one warm-up run.");
        }
    }

    private static async Task<(ScenarioResult Summary, List<ScenarioSeries> Economies)> RunAsync(ScenarioService.ScenarioServiceClient client, ScenarioSpec spec)
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

    private static ScenarioSpec Scenario(string fitId, string[] economies, int paths)
    {
        var spec = new ScenarioSpec { FitId = fitId, Paths = paths, Seed = 1, ResidualNoise = true };
        spec.Economies.AddRange(economies);
        foreach (string driver in new[] { "pop", "hc", "openness" })
        {
            spec.Baselines.Add(new DriverBaseline { Indicator = driver, Kind = DriverPathKind.Forecast, Method = "drift" });
        }

        var shock = new ScenarioShock { Indicator = "openness", Kind = ShockKind.Percent, Value = 10 };
        shock.Groups.Add("RCEP");
        spec.Shocks.Add(shock);
        return spec;
    }

    private void WriteProblem(ScenarioResult result, ModelFit fit, int economies)
    {
        string path = Path.Combine(layout.Root, "bench", "scenarios", "problem.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var problem = new
        {
            economies,
            years = result.LastYear - result.FirstYear + 1,
            paths = 10_000,
            coefficients = fit.Coefficients.Select(c => c.Estimate).ToArray(),
            covariance = fit.CovarianceMatrix.ToArray(),
            sigma = fit.Sigma,
            drivers = new[] { "pop (log)", "hc", "openness" },
            note = "ln rgdpna ~ ln pop + hc + openness; each economy: 3 driver paths with forecast errors (random-walk increments), one coefficient draw per path shared by every economy, residual noise; sum over economies per path; 7 quantiles, mean, SD per year for economies and the world",
        };
        File.WriteAllText(path, JsonSerializer.Serialize(problem, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static ModelSpec Spec()
    {
        var spec = new ModelSpec
        {
            Dependent = new ModelVariable { Indicator = "rgdpna", Transform = VariableTransform.Log },
            Sample = new ModelSample { From = 1990, To = 2007 },
            Covariance = CovarianceType.Classical,
        };
        spec.Sample.Groups.Add("WLD");
        spec.Regressors.Add(new ModelVariable { Indicator = "pop", Transform = VariableTransform.Log });
        spec.Regressors.Add(new ModelVariable { Indicator = "hc" });
        spec.Regressors.Add(new ModelVariable { Indicator = "openness" });
        return spec;
    }

    private static double P90(IReadOnlyList<double> values) => Statistics.Percentile(values.Order().ToArray(), 90);
}
