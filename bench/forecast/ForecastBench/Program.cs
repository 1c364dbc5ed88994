using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using TradeGrid.Api.V1;
using TradeGrid.Bench.Forecast;

// The TradeGrid side of bench/forecast (see run.sh): the same PWT rgdpna series R used (r_series.csv), through a
// running server: timing of 7 methods × every series, then the 1970–2011 → 2012–2017 holdout; prints the report and
// writes it to REPORT_MD (run.sh: bench/out/forecast-<UTC time>.md, not tracked).
// Usage: ForecastBench SERVER R_OUT_DIR REPORT_MD [SERVER_PID] [LOAD_AVERAGE_AT_THE_START]
string server = args.Length > 0 ? args[0] : "http://127.0.0.1:5080";
string rDir = args.Length > 1 ? args[1] : "out";
string resultsPath = args.Length > 2 ? args[2] : "forecast-report.md";
// The server's process id, to read the CPU time it spends (the machine is shared: wall clock alone is noisy).
int? serverPid = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null;
string loadAtStart = args.Length > 4 ? args[4] : "unknown";

string[] timedMethods = ["naive", "drift", "cagr", "ets", "arima", "theta", "combination"];
string[] holdoutMethods = [.. timedMethods, "linear", "loglinear", "auto", "rolling"];

Dictionary<string, double[]> series = File.ReadLines(Path.Combine(rDir, "r_series.csv")).Skip(1)
    .Select(l => l.Split(','))
    .GroupBy(f => f[0].Trim())
    .ToDictionary(g => g.Key, g => g.OrderBy(f => int.Parse(f[1], CultureInfo.InvariantCulture)).Select(f => double.Parse(f[2], CultureInfo.InvariantCulture)).ToArray());
string[] codes = series.Keys.Order(StringComparer.Ordinal).ToArray();

using GrpcChannel channel = GrpcChannel.ForAddress(server, new GrpcChannelOptions { MaxReceiveMessageSize = 256 * 1024 * 1024 });
var data = new DataService.DataServiceClient(channel);
var forecasts = new ForecastService.ForecastServiceClient(channel);

// The server's values must be R's, or the comparison means nothing.
double maxRelativeDifference = 0.0;
using (AsyncServerStreamingCall<GetPanelResponse> panel = data.GetPanel(new GetPanelRequest { Economies = { codes }, Indicators = { "rgdpna" }, From = 1970, To = 2017 }))
{
    await foreach (GetPanelResponse part in panel.ResponseStream.ReadAllAsync())
    {
        foreach (Series s in part.Series)
        {
            double[] r = series[s.Economy];
            for (int i = 0; i < s.Observations.Count; i++)
            {
                maxRelativeDifference = Math.Max(maxRelativeDifference, Math.Abs(s.Observations[i].Value / r[s.Observations[i].Year - 1970] - 1.0));
            }
        }
    }
}

async Task<List<EconomyForecast>> RunAsync(string method, int trainEnd, params double[] levels) => await RunHoldoutAsync(method, trainEnd, 0, levels);

async Task<List<EconomyForecast>> RunHoldoutAsync(string method, int trainEnd, int holdoutHorizon, params double[] levels)
{
    var request = new ForecastAllRequest
    {
        Economies = { codes }, Indicator = "rgdpna", Method = method, Horizon = 6, TrainStart = 1970, TrainEnd = trainEnd, HoldoutHorizon = holdoutHorizon,
    };
    request.Levels.AddRange(levels);
    using AsyncServerStreamingCall<ForecastAllResponse> call = forecasts.ForecastAll(request);
    var results = new List<EconomyForecast>();
    await foreach (ForecastAllResponse m in call.ResponseStream.ReadAllAsync())
    {
        if (m.Result is { } r)
        {
            results.Add(r);
        }
    }
    return results;
}

// Warm-up on another origin: JIT and grain activations, without filling the cache the timed runs use.
foreach (string method in timedMethods)
{
    await RunAsync(method, 2010);
}

// The 7 jobs at once, as a client would send them, with a cold forecast cache (levels no other run asks for).
async Task<(double Seconds, double Cpu)> AllAtOnceAsync(int trainEnd, double upperLevel)
{
    double cpuStart = ProcessCpu.Seconds(serverPid);
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(timedMethods.Select(m => RunAsync(m, trainEnd, 80, upperLevel)));
    return (watch.Elapsed.TotalSeconds, ProcessCpu.Seconds(serverPid) - cpuStart);
}

// Right after that one pass, the runtime is still recompiling the server's hot code (tiered JIT): reported apart.
(double firstSeconds, double firstCpu) = await AllAtOnceAsync(2011, 94);

// Then more rounds on the other origin until the server's CPU per round stops falling (steady state, as in a server
// that has been serving for a while): at least 5, at most 30, stopping when a round costs no less than the mean of
// the three before it (or at 5 when the server's CPU cannot be read).
var warmupCpu = new List<double>();
for (int round = 0; round < 30; round++)
{
    warmupCpu.Add((await AllAtOnceAsync(2010, 60 + round)).Cpu);
    if (round >= 4 && !(warmupCpu[^1] < warmupCpu[^4..^1].Average()))
    {
        break;
    }
}

// Timed, steady state, cold cache.
(double concurrentSeconds, double concurrentCpu) = await AllAtOnceAsync(2011, 95);
var clock = new Stopwatch();

// The same 7 jobs at once, each with its own interval level (70, 69, ...), so that combination finds no fit of the
// ets, arima and theta jobs and fits all three itself, as R's combination does.
double unsharedCpuStart = ProcessCpu.Seconds(serverPid);
clock.Restart();
await Task.WhenAll(timedMethods.Select((m, i) => RunAsync(m, 2011, 80, 70 - i)));
double unsharedSeconds = clock.Elapsed.TotalSeconds;
double unsharedCpu = ProcessCpu.Seconds(serverPid) - unsharedCpuStart;

// Timed, cold cache, one job after another: each method with its own interval level (90, 89, ...), so that no job
// finds another's forecasts in the grains (combination does not reuse the ets, arima and theta jobs' fits here).
var sequential = new Dictionary<string, double>();
var sequentialCpu = new Dictionary<string, double>();
for (int i = 0; i < timedMethods.Length; i++)
{
    double cpuStart = ProcessCpu.Seconds(serverPid);
    clock.Restart();
    await RunAsync(timedMethods[i], 2011, 90 - i);
    sequential[timedMethods[i]] = clock.Elapsed.TotalSeconds;
    sequentialCpu[timedMethods[i]] = ProcessCpu.Seconds(serverPid) - cpuStart;
}

// Served again: every answer from the economy grains' caches.
clock.Restart();
await Task.WhenAll(timedMethods.Select(m => RunAsync(m, 2011, 80, 95)));
double cachedSeconds = clock.Elapsed.TotalSeconds;

var tradeGrid = new List<AccuracyRow>();
var chosen = new Dictionary<string, int>(StringComparer.Ordinal);
// The last row: auto with the holdout horizon equal to the forecast horizon (6 years from each of 3 origins), a
// request option; the default (3 × 3) is the Numerics'.
foreach (string method in holdoutMethods.Append("auto-h6"))
{
    List<EconomyForecast> results = method == "auto-h6" ? await RunHoldoutAsync("auto", 2011, 6, 80, 95) : await RunAsync(method, 2011, 80, 95);
    var rows = new List<(double Smape, double Mase)>();
    foreach (EconomyForecast r in results.Where(r => r.Forecast is not null))
    {
        double[] y = series[r.Economy];
        double[] f = r.Forecast.Points.Select(p => p.Value).ToArray();
        rows.Add((Accuracy.Smape(y[42..], f), Accuracy.Mase(y[42..], f, y[..42])));
        if (method == "auto-h6")
        {
            chosen[r.Forecast.Method] = chosen.GetValueOrDefault(r.Forecast.Method) + 1;
        }
    }
    tradeGrid.Add(AccuracyRow.Of(method == "auto-h6" ? "TradeGrid auto, holdout_horizon 6" : $"TradeGrid {method}", rows, results.Count(r => r.Forecast is null)));
}

List<AccuracyRow> rRows = File.ReadLines(Path.Combine(rDir, "r_holdout.csv")).Skip(1)
    .Select(l => l.Replace("\"", "", StringComparison.Ordinal).Split(','))
    .GroupBy(f => f[1])
    .Select(g => AccuracyRow.Of(g.Key, g.Select(f => (double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture))).ToList(), 0))
    .ToList();
Dictionary<string, (double Elapsed, double Cpu)> rTiming = File.ReadLines(Path.Combine(rDir, "r_timing.csv")).Skip(1)
    .Select(l => l.Replace("\"", "", StringComparison.Ordinal).Split(','))
    .ToDictionary(f => f[0], f => (double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)));
string versions = string.Join("; ", File.ReadLines(Path.Combine(rDir, "r_versions.txt")));
// statsmodels_timing.py's output, when it ran (same series, same split).
string statsmodelsPath = Path.Combine(rDir, "statsmodels_timing.csv");
Dictionary<string, (double Elapsed, double Cpu, string Version)> statsmodels = File.Exists(statsmodelsPath)
    ? File.ReadLines(statsmodelsPath).Skip(1).Select(l => l.Split(','))
        .ToDictionary(f => f[0], f => (double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), f[4]))
    : [];

string report = ResultsReport.Render(new ResultsReport.Inputs(
    codes.Length, maxRelativeDifference, tradeGrid, rRows, chosen, timedMethods, sequential, sequentialCpu, concurrentSeconds, concurrentCpu,
    unsharedSeconds, unsharedCpu, cachedSeconds, firstSeconds, firstCpu, warmupCpu.Count, rTiming, statsmodels, versions,
    Environment.ProcessorCount, DateTime.UtcNow, loadAtStart));
// Every method the service offers, and the default over every economy: no R counterpart.
report += Environment.NewLine + await Workload.RunAsync(forecasts, Workload.Methods, serverPid);
await File.WriteAllTextAsync(resultsPath, report);
Console.WriteLine(report);
