using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grpc.Core;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench.Forecast;

/// <summary>
/// Two server workloads with no R counterpart (so no ratio): every method the service offers over every economy's
/// rgdpna, pop, emp and cgdpo fitted on 1970–2010 (each method alone, then all at once), and ForecastAll of the default
/// (an empty method) over every PWT economy's rgdpna, fit to 2011, h = 6. Each timed job asks for an interval level
/// no earlier job asked for, so no answer comes from a grain's cache.
/// </summary>
internal static class Workload
{
    private static readonly string[] Indicators = ["rgdpna", "pop", "emp", "cgdpo"];

    /// <summary>Every method the service accepts (Forecaster.MethodNames; this client knows only the proto).</summary>
    public static readonly string[] Methods =
        ["naive", "drift", "cagr", "linear", "loglinear", "ets", "arima", "theta", "combination",
         "ses", "holt", "holtdamped", "etsdamped", "dotm", "scum", "auto", "etsarima", "etsarimadrift", "trimmed", "rolling", "spline", "splinemle", "ces", "scumces"];

    public static async Task<string> RunAsync(ForecastService.ForecastServiceClient client, IReadOnlyList<string> methods, int? serverPid)
    {
        double level = 50.0;
        double NextLevel() => level += 0.01;

        async Task<List<EconomyForecast>> AllAsync(string indicator, string method, int trainEnd, double at)
        {
            var request = new ForecastAllRequest { Indicator = indicator, Method = method, Horizon = 6, TrainStart = 1970, TrainEnd = trainEnd };
            request.Levels.Add(at);
            using AsyncServerStreamingCall<ForecastAllResponse> call = client.ForecastAll(request);
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

        async Task<(double Seconds, double Cpu, List<EconomyForecast> Results)> TimeAsync(Func<Task<List<EconomyForecast>[]>> job)
        {
            double cpu = ProcessCpu.Seconds(serverPid);
            var watch = Stopwatch.StartNew();
            List<EconomyForecast>[] parts = await job();
            return (watch.Elapsed.TotalSeconds, ProcessCpu.Seconds(serverPid) - cpu, parts.SelectMany(p => p).ToList());
        }

        Task<List<EconomyForecast>[]> Panel(string method, double at) => Task.WhenAll(Indicators.Select(i => AllAsync(i, method, 2010, at)));

        // Warm-up: every method once on another origin, then all at once twice.
        foreach (string method in methods)
        {
            await Task.WhenAll(Indicators.Select(i => AllAsync(i, method, 2009, NextLevel())));
        }
        for (int round = 0; round < 2; round++)
        {
            await Task.WhenAll(methods.Select(m => Panel(m, NextLevel())));
        }

        var md = new StringBuilder();
        string F(double v, int digits = 3) => v.ToString("F" + digits, CultureInfo.InvariantCulture);
        md.AppendLine("## Every method over every economy's rgdpna, pop, emp and cgdpo (fit 1970–2010, h = 6)");
        md.AppendLine();
        md.AppendLine("| method | series forecast | skipped | years fitted | wall (s) | server CPU (s) |");
        md.AppendLine("|---|---:|---:|---|---:|---:|");
        foreach (string method in methods)
        {
            (double seconds, double cpu, List<EconomyForecast> results) = await TimeAsync(() => Panel(method, NextLevel()));
            md.AppendLine(CultureInfo.InvariantCulture, $"| {method} | {results.Count(r => r.Forecast is not null)} | {results.Count(r => r.Forecast is null)} | {Lengths(results)} | {F(seconds)} | {F(cpu, 2)} |");
        }
        double allLevel = NextLevel();
        (double allSeconds, double allCpu, List<EconomyForecast> all) = await TimeAsync(async () => (await Task.WhenAll(methods.Select(m => Panel(m, allLevel)))).SelectMany(p => p).ToArray());
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| **all {methods.Count} at once** (one level: ETS, ARIMA, Theta, DOTM and damped ETS fitted once per series and shared with the combinations) | {all.Count(r => r.Forecast is not null)} | {all.Count(r => r.Forecast is null)} | {Lengths(all)} | **{F(allSeconds)}** | {F(allCpu, 2)} |");
        if (methods.Contains("rolling"))
        {
            // Like for like with the runs before rolling existed: the other methods at once.
            string[] others = methods.Where(m => m != "rolling").ToArray();
            double othersLevel = NextLevel();
            (double othersSeconds, double othersCpu, List<EconomyForecast> rest) = await TimeAsync(async () => (await Task.WhenAll(others.Select(m => Panel(m, othersLevel)))).SelectMany(p => p).ToArray());
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| all {others.Length} but rolling at once | {rest.Count(r => r.Forecast is not null)} | {rest.Count(r => r.Forecast is null)} | {Lengths(rest)} | {F(othersSeconds)} | {F(othersCpu, 2)} |");
        }
        md.AppendLine();

        md.AppendLine("## ForecastAll of the default (empty method) over every PWT economy's rgdpna (fit 1970–2011, h = 6)");
        md.AppendLine();
        md.AppendLine("| run | economies forecast | wall (s) | server CPU (s) |");
        md.AppendLine("|---|---:|---:|---:|");
        for (int run = 1; run <= 3; run++)
        {
            double at = NextLevel();
            (double seconds, double cpu, List<EconomyForecast> results) = await TimeAsync(async () => [await AllAsync("rgdpna", "", 2011, at)]);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {run} | {results.Count(r => r.Forecast is not null)} | {F(seconds)} | {F(cpu, 2)} |");
        }
        return md.ToString();
    }

    private static string Lengths(List<EconomyForecast> results)
    {
        int[] n = results.Where(r => r.Forecast is not null).Select(r => r.Forecast.OriginYear - r.Forecast.FirstYear + 1).ToArray();
        return n.Length == 0 ? "–" : $"{n.Min()}–{n.Max()}";
    }
}
