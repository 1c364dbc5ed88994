using System.Diagnostics;
using Google.Protobuf;
using Grpc.Net.Client;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>
/// GetSeries(USA, rgdpna, all years) against TradeGrid and against a bare grpc-dotnet server sending the same bytes
/// from a dictionary, both running at once. For each caller count, rounds of one segment per server, the order
/// alternating (T B, B T, ...) so that drift in the machine's speed falls on both; the figure is TradeGrid/bare.
/// </summary>
internal sealed class GetSeriesBenchmark(Servers servers, string outDirectory)
{
    private const string TradeGridName = "TradeGrid";
    private const string BareName = "bare";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public async Task RunAsync(BenchOptions options, ResultLog log)
    {
        (ServerProcess tgProcess, int tgPort) = servers.StartTradeGrid();
        await using (tgProcess)
        {
            using GrpcChannel tgChannel = Channels.Create(tgPort);
            var tg = new DataService.DataServiceClient(tgChannel);
            await Servers.WaitServingAsync(tgProcess, tgChannel, StartTimeout);
            (GetSeriesResponse payload, _) = await Servers.WaitFirstSeriesAsync(tgProcess, tg, SeriesPayload.Request, StartTimeout);
            string payloadFile = SeriesPayload.Save(payload, outDirectory);

            (ServerProcess bareProcess, int barePort) = servers.StartBare([payloadFile]);
            await using (bareProcess)
            {
                using GrpcChannel bareChannel = Channels.Create(barePort);
                var bare = new DataService.DataServiceClient(bareChannel);
                (GetSeriesResponse bareAnswer, _) = await Servers.WaitFirstSeriesAsync(bareProcess, bare, SeriesPayload.Request, StartTimeout);
                if (!bareAnswer.ToByteString().Equals(payload.ToByteString()))
                {
                    throw new InvalidOperationException("the bare server's answer differs from TradeGrid's; the comparison would be unfair");
                }

                Console.Error.WriteLine($"getseries: payload {payload.CalculateSize()} bytes, {payload.Series.Observations.Count} observations; warm-up...");
                int warmCallers = options.Concurrency.Max();
                await RunSegmentAsync(TradeGridName, tg, warmCallers, WarmUp);
                await RunSegmentAsync(BareName, bare, warmCallers, WarmUp);

                var rows = new List<string>();
                TimeSpan segment = TimeSpan.FromSeconds(options.Seconds);
                foreach (int callers in options.Concurrency)
                {
                    var tgSegments = new List<LoadSegment>();
                    var bareSegments = new List<LoadSegment>();
                    for (int round = 0; round < options.Rounds; round++)
                    {
                        bool tgFirst = round % 2 == 0;
                        LoadSegment first = tgFirst
                            ? await RunSegmentAsync(TradeGridName, tg, callers, segment)
                            : await RunSegmentAsync(BareName, bare, callers, segment);
                        LoadSegment second = tgFirst
                            ? await RunSegmentAsync(BareName, bare, callers, segment)
                            : await RunSegmentAsync(TradeGridName, tg, callers, segment);
                        LoadSegment t = tgFirst ? first : second;
                        LoadSegment b = tgFirst ? second : first;
                        tgSegments.Add(t);
                        bareSegments.Add(b);
                        Console.Error.WriteLine($"  {callers} callers, round {round + 1}/{options.Rounds}: tradegrid {t.CallsPerSecond:F0}/s, bare {b.CallsPerSecond:F0}/s");
                    }
                    rows.Add(Row(callers, tgSegments, bareSegments));
                }

                log.Line($"GetSeries(USA, rgdpna, all years): {payload.CalculateSize()} bytes, {payload.Series.Observations.Count} observations, "
                    + $"the same bytes from both servers. Per caller count: {options.Rounds} rounds of {options.Seconds:0.#} s per server, "
                    + "alternating; one shared GrpcChannel per server; client, TradeGrid and bare on the same machine.");
                log.Line();
                log.Line("| callers | TradeGrid calls/s | bare calls/s | ratio (median of pairs) | TradeGrid p50 / p99 ms | bare p50 / p99 ms |");
                log.Line("|---:|---:|---:|---:|---:|---:|");
                foreach (string row in rows)
                {
                    log.Line(row);
                }
                log.Line();
                log.Line("Target: ratio >= 0.5 at every caller count.");
                log.Line();
            }
        }
    }

    private static string Row(int callers, List<LoadSegment> tg, List<LoadSegment> bare)
    {
        double tgRate = tg.Sum(s => s.Calls) / tg.Sum(s => s.Elapsed.TotalSeconds);
        double bareRate = bare.Sum(s => s.Calls) / bare.Sum(s => s.Elapsed.TotalSeconds);
        double[] ratios = tg.Zip(bare, (t, b) => t.CallsPerSecond / b.CallsPerSecond).ToArray();
        long[] tgLatency = [.. tg.SelectMany(s => s.LatencyTicks).Order()];
        long[] bareLatency = [.. bare.SelectMany(s => s.LatencyTicks).Order()];
        return $"| {callers} | {ResultLog.F(tgRate, 0)} | {ResultLog.F(bareRate, 0)} "
            + $"| {ResultLog.F(Statistics.Median(ratios), 2)} ({ResultLog.F(ratios.Min(), 2)}–{ResultLog.F(ratios.Max(), 2)}) "
            + $"| {ResultLog.F(Statistics.PercentileMs(tgLatency, 50), 3)} / {ResultLog.F(Statistics.PercentileMs(tgLatency, 99), 3)} "
            + $"| {ResultLog.F(Statistics.PercentileMs(bareLatency, 50), 3)} / {ResultLog.F(Statistics.PercentileMs(bareLatency, 99), 3)} |";
    }

    /// <summary><paramref name="callers"/> loops, each awaiting one call at a time, until the duration has passed.</summary>
    private static async Task<LoadSegment> RunSegmentAsync(string server, DataService.DataServiceClient client, int callers, TimeSpan duration)
    {
        GetSeriesRequest request = SeriesPayload.Request;
        long start = Stopwatch.GetTimestamp();
        long end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        Task<List<long>>[] loops = new Task<List<long>>[callers];
        for (int i = 0; i < callers; i++)
        {
            loops[i] = Task.Run(async () =>
            {
                var latencies = new List<long>(8192);
                while (Stopwatch.GetTimestamp() < end)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    GetSeriesResponse response = await client.GetSeriesAsync(request, deadline: DateTime.UtcNow.AddSeconds(10));
                    latencies.Add(Stopwatch.GetTimestamp() - t0);
                    if (response.Series.Observations.Count == 0)
                    {
                        throw new InvalidOperationException($"{server} answered an empty series");
                    }
                }
                return latencies;
            });
        }
        List<long>[] all = await Task.WhenAll(loops);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        long[] ticks = [.. all.SelectMany(l => l)];
        return new LoadSegment(server, callers, ticks.Length, elapsed, ticks);
    }
}
