using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>
/// The load and soak run: the silo with authentication on (a writer key made by the silo's own new-api-key, with a
/// quota above the offered rate so that the limiter runs but never refuses), then the mixed workload
/// (<see cref="LoadWorkload"/>) offered open-loop at each rate of --rates for --seconds: calls start on schedule
/// whether or not earlier ones have finished, and each latency counts from the call's scheduled start, so a stalled
/// server shows as latency rather than as a slower offered rate. The server's RSS is sampled every 10 s; its log is
/// searched for thread-pool starvation and Orleans' stall warnings. Every loop is bounded by count and time, and
/// talks to 127.0.0.1 only.
/// </summary>
internal sealed class LoadBenchmark(Servers servers, RepositoryLayout layout)
{
    private const int MaxInFlight = 20_000;
    private static readonly TimeSpan RssEvery = TimeSpan.FromSeconds(10);

    public async Task RunAsync(BenchOptions options, ResultLog log)
    {
        (string key, string[] keyArgs) = await NewKeyAsync();
        (ServerProcess server, int port) = servers.StartTradeGrid(extraArgs:
        [
            .. keyArgs,
            "--TradeGrid:RateLimits:Keys:bench:TokenLimit=1000000", "--TradeGrid:RateLimits:Keys:bench:TokensPerPeriod=100000",
            "--TradeGrid:RateLimits:Keys:bench:ReplenishmentPeriodSeconds=1", "--TradeGrid:RateLimits:JobsPerCaller=64",
        ]);
        await using (server)
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            });
            await Servers.WaitServingAsync(server, channel, TimeSpan.FromMinutes(5));
            CallInvoker invoker = channel.Intercept(m =>
            {
                m.Add("x-api-key", key);
                return m;
            });
            IReadOnlyList<string> economies = await EconomiesWithDataAsync(new DataService.DataServiceClient(invoker));
            var workload = new LoadWorkload(invoker, economies);
            await workload.SetUpAsync(CancellationToken.None);
            log.Line($"Mixed workload over {economies.Count} economies with PWT data; an API key (writer) on every call; the rate limiter on.");
            log.Line();
            log.Line($"Warm-up: {options.WarmUp} s at {options.Rates[0]} requests/s (not reported).");
            await RunSegmentAsync(workload, server, options.Rates[0], options.WarmUp, seed: 1);
            log.Line();
            int segment = 2;
            foreach (int rate in options.Rates)
            {
                Segment result = await RunSegmentAsync(workload, server, rate, options.Seconds, seed: segment++);
                Report(log, rate, options.Seconds, result);
            }
            log.Line($"Server log: {StallWarnings(server.LogPath)} thread-pool starvation or stall warnings ({server.LogPath}).");
        }
    }

    private async Task<Segment> RunSegmentAsync(LoadWorkload workload, ServerProcess server, int rate, double seconds, int seed)
    {
        var random = new Random(seed);
        var latencies = LoadWorkload.Kinds.Select(_ => new ConcurrentBag<long>()).ToArray();
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var rss = new List<(double Seconds, double MiB)>();
        int inFlight = 0;
        int shed = 0;
        var calls = new List<Task>();
        long start = Stopwatch.GetTimestamp();
        long total = (long)(rate * seconds);
        long sent = 0;
        TimeSpan nextRss = TimeSpan.Zero;
        while (sent < total)
        {
            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            if (elapsed >= nextRss && server.ReadMemory() is { } memory)
            {
                rss.Add((elapsed.TotalSeconds, memory.RssMiB));
                nextRss += RssEvery;
            }
            long due = Math.Min(total, (long)(elapsed.TotalSeconds * rate));
            for (; sent < due; sent++)
            {
                int kind = LoadWorkload.Pick(random.NextDouble());
                long scheduled = start + (long)(sent * (double)Stopwatch.Frequency / rate);
                if (Volatile.Read(ref inFlight) >= MaxInFlight)
                {
                    shed++;
                    continue;
                }
                Interlocked.Increment(ref inFlight);
                var callRandom = new Random(random.Next());
                calls.Add(Task.Run(async () =>
                {
                    try
                    {
                        await workload.CallAsync(kind, callRandom, CancellationToken.None);
                        latencies[kind].Add(Stopwatch.GetTimestamp() - scheduled);
                    }
                    catch (RpcException ex)
                    {
                        errors.AddOrUpdate($"{LoadWorkload.Kinds[kind]}: {ex.StatusCode} {Short(ex.Status.Detail)}", 1, (_, n) => n + 1);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight);
                    }
                }));
            }
            await Task.Delay(1);
        }
        await Task.WhenAll(calls);
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (server.ReadMemory() is { } last)
        {
            rss.Add((wall, last.RssMiB));
        }
        return new Segment(latencies.Select(b => b.Order().ToArray()).ToArray(), errors, rss, shed, wall, server.CpuTime());
    }

    private static void Report(ResultLog log, int rate, double seconds, Segment s)
    {
        long ok = s.Latencies.Sum(l => l.LongLength);
        int failed = s.Errors.Values.Sum();
        log.Line($"#### {rate} requests/s offered for {seconds:F0} s");
        log.Line();
        log.Line($"{ok} answered, {failed} errors, {s.Shed} not sent (over {MaxInFlight} in flight); achieved {ReportRate(ok + failed, s.WallSeconds)} requests/s over {s.WallSeconds:F1} s; "
            + $"load average at the end {ResultLog.LoadAverage()}.");
        log.Line();
        log.Line("| call | count | p50 ms | p99 ms | max ms |");
        log.Line("|---|---:|---:|---:|---:|");
        for (int k = 0; k < LoadWorkload.Kinds.Length; k++)
        {
            long[] l = s.Latencies[k];
            log.Line($"| {LoadWorkload.Kinds[k]} | {l.Length} | {Ms(Statistics.PercentileMs(l, 50))} | {Ms(Statistics.PercentileMs(l, 99))} | {Ms(Statistics.PercentileMs(l, 100))} |");
        }
        log.Line();
        foreach ((string error, int count) in s.Errors.OrderByDescending(e => e.Value).Take(10))
        {
            log.Line($"- {count} × {error}");
        }
        (double slope, double after) = RssSlope(s.Rss);
        log.Line($"RSS every 10 s (MiB): {string.Join(", ", s.Rss.Select(r => ResultLog.F(r.MiB, 0)))}; slope after the first minute "
            + $"{(double.IsNaN(slope) ? "n/a (under 2 min)" : $"{ResultLog.F(slope, 2)} MiB/min over {ResultLog.F(after, 0)} s")}.");
        log.Line();
    }

    /// <summary>Least-squares slope of RSS on time, over the samples after the first minute (warm-up of caches and GC budgets).</summary>
    private static (double MiBPerMinute, double OverSeconds) RssSlope(List<(double Seconds, double MiB)> samples)
    {
        var tail = samples.Where(s => s.Seconds >= 60).ToArray();
        if (tail.Length < 3)
        {
            return (double.NaN, 0);
        }
        double mt = tail.Average(s => s.Seconds);
        double mr = tail.Average(s => s.MiB);
        double slope = tail.Sum(s => (s.Seconds - mt) * (s.MiB - mr)) / tail.Sum(s => (s.Seconds - mt) * (s.Seconds - mt));
        return (slope * 60, tail[^1].Seconds - tail[0].Seconds);
    }

    private static int StallWarnings(string logPath) =>
        File.ReadLines(logPath).Count(l => l.Contains("starvation", StringComparison.OrdinalIgnoreCase)
            || l.Contains("has not completed", StringComparison.Ordinal) || l.Contains("took elapsed time", StringComparison.Ordinal));

    /// <summary>The silo's own new-api-key makes the bench's key and its configuration (as command-line settings).</summary>
    private async Task<(string Key, string[] Args)> NewKeyAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { layout.SiloDll, "new-api-key", "--id", "bench", "--role", "writer" })
        {
            start.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        string key = output.Split('\n')[0].Split(' ')[^1].Trim();
        string entry = output.Split('\n').First(l => l.TrimStart().StartsWith("{ \"Id\"", StringComparison.Ordinal));
        string Field(string name) => entry.Split($"\"{name}\": \"")[1].Split('"')[0];
        return (key, ["--TradeGrid:Auth:ApiKeys:0:Id=bench", "--TradeGrid:Auth:ApiKeys:0:Role=writer",
            $"--TradeGrid:Auth:ApiKeys:0:Salt={Field("Salt")}", $"--TradeGrid:Auth:ApiKeys:0:Hash={Field("Hash")}"]);
    }

    private static async Task<IReadOnlyList<string>> EconomiesWithDataAsync(DataService.DataServiceClient data)
    {
        ListEconomiesResponse all = await data.ListEconomiesAsync(new ListEconomiesRequest { CountriesOnly = true });
        var withData = new List<string>();
        foreach (Economy economy in all.Economies)
        {
            GetSeriesResponse pop = await data.GetSeriesAsync(new GetSeriesRequest { Economy = economy.Code, Indicator = "pop", From = 1990, To = 2017 });
            GetSeriesResponse gdp = await data.GetSeriesAsync(new GetSeriesRequest { Economy = economy.Code, Indicator = "rgdpna", From = 1990, To = 2017 });
            if (pop.Series.Observations.Count >= 20 && gdp.Series.Observations.Count >= 20)
            {
                withData.Add(economy.Code);
            }
        }
        return withData;
    }

    private static string Ms(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture);

    private static string ReportRate(long calls, double seconds) => (calls / seconds).ToString("F0", CultureInfo.InvariantCulture);

    private static string Short(string detail) => detail.Length <= 80 ? detail : detail[..80] + "…";

    private sealed record Segment(long[][] Latencies, ConcurrentDictionary<string, int> Errors, List<(double Seconds, double MiB)> Rss, int Shed, double WallSeconds, TimeSpan ServerCpu);
}
