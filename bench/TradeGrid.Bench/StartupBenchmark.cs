using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Net.Client;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>
/// Start-up to first answer: from just before the process starts to the first GetSeries (USA rgdpna) that returns
/// values. TradeGrid and the bare server start in turn (T B T B ...), after one start of each that is not counted
/// (it warms the disk cache), so the bare server's figure is the floor any .NET gRPC process pays.
/// </summary>
internal sealed partial class StartupBenchmark(Servers servers, string outDirectory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task RunAsync(int runs, ResultLog log)
    {
        Console.Error.WriteLine("startup: warm-up start of each server (not counted)...");
        (GetSeriesResponse payload, _, _) = await StartTradeGridOnceAsync();
        string payloadFile = SeriesPayload.Save(payload, outDirectory);
        await StartBareOnceAsync(payloadFile);

        var tradeGrid = new List<double>();
        var loading = new List<double>();
        var bare = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            (_, TimeSpan t, double? loadMs) = await StartTradeGridOnceAsync();
            TimeSpan b = await StartBareOnceAsync(payloadFile);
            tradeGrid.Add(t.TotalMilliseconds);
            if (loadMs is { } l)
            {
                loading.Add(l);
            }
            bare.Add(b.TotalMilliseconds);
            Console.Error.WriteLine($"startup run {run + 1}/{runs}: tradegrid {t.TotalMilliseconds:F0} ms, bare {b.TotalMilliseconds:F0} ms");
        }

        log.Line($"Start-up to the first GetSeries(USA, rgdpna) with values, {runs} runs each, alternating (ms):");
        log.Line();
        log.Line("| server | min | median | max |");
        log.Line("|---|---:|---:|---:|");
        log.Line($"| TradeGrid (default dataset) | {ResultLog.F(tradeGrid.Min(), 0)} | {ResultLog.F(Statistics.Median(tradeGrid), 0)} | {ResultLog.F(tradeGrid.Max(), 0)} |");
        if (loading.Count > 0)
        {
            log.Line($"| TradeGrid's own \"ready ... in X s\" (host start and dataset load, from its log; {loading.Count} of {runs} runs) | {ResultLog.F(loading.Min(), 0)} | {ResultLog.F(Statistics.Median(loading), 0)} | {ResultLog.F(loading.Max(), 0)} |");
        }
        log.Line($"| bare grpc-dotnet | {ResultLog.F(bare.Min(), 0)} | {ResultLog.F(Statistics.Median(bare), 0)} | {ResultLog.F(bare.Max(), 0)} |");
        log.Line();
        double[] ratios = tradeGrid.Zip(bare, (t, b) => t / b).ToArray();
        log.Line($"TradeGrid/bare, pair by pair: median {ResultLog.F(Statistics.Median(ratios), 2)} "
            + $"(min {ResultLog.F(ratios.Min(), 2)}, max {ResultLog.F(ratios.Max(), 2)}). Target: TradeGrid under 5000 ms.");
        log.Line();
    }

    /// <summary>One start; with the load time the server logs ("TradeGrid ready: ... in 7.73 s"), when it logged it.</summary>
    private async Task<(GetSeriesResponse Response, TimeSpan SinceStart, double? LoadMs)> StartTradeGridOnceAsync()
    {
        (ServerProcess process, int port) = servers.StartTradeGrid();
        await using (process)
        {
            using GrpcChannel channel = Channels.Create(port);
            (GetSeriesResponse response, TimeSpan sinceStart) =
                await Servers.WaitFirstSeriesAsync(process, new DataService.DataServiceClient(channel), SeriesPayload.Request, Timeout);
            // The console logger writes from a queue: the line can follow the first answer by a moment.
            for (int attempt = 0; attempt < 40; attempt++)
            {
                Match ready = ReadyLine().Match(ReadShared(process.LogPath));
                if (ready.Success)
                {
                    return (response, sinceStart, 1000 * double.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture));
                }
                await Task.Delay(50);
            }
            return (response, sinceStart, null);
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private async Task<TimeSpan> StartBareOnceAsync(string payloadFile)
    {
        (ServerProcess process, int port) = servers.StartBare([payloadFile]);
        await using (process)
        {
            using GrpcChannel channel = Channels.Create(port);
            (_, TimeSpan sinceStart) = await Servers.WaitFirstSeriesAsync(process, new DataService.DataServiceClient(channel), SeriesPayload.Request, Timeout);
            return sinceStart;
        }
    }

    [GeneratedRegex(@"TradeGrid ready: .* in ([0-9.]+) s")]
    private static partial Regex ReadyLine();
}
