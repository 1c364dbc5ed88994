using Grpc.Net.Client;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>
/// Start-up to first answer: from just before the process starts to the first GetSeries (USA rgdpna) that returns
/// values. TradeGrid and the bare server start in turn (T B T B ...), after one start of each that is not counted
/// (it warms the disk cache), so the bare server's figure is the floor any .NET gRPC process pays.
/// </summary>
internal sealed class StartupBenchmark(Servers servers, string outDirectory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task RunAsync(int runs, ResultLog log)
    {
        Console.Error.WriteLine("startup: warm-up start of each server (not counted)...");
        (GetSeriesResponse payload, _) = await StartTradeGridOnceAsync();
        string payloadFile = SeriesPayload.Save(payload, outDirectory);
        await StartBareOnceAsync(payloadFile);

        var tradeGrid = new List<double>();
        var bare = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            (_, TimeSpan t) = await StartTradeGridOnceAsync();
            TimeSpan b = await StartBareOnceAsync(payloadFile);
            tradeGrid.Add(t.TotalMilliseconds);
            bare.Add(b.TotalMilliseconds);
            Console.Error.WriteLine($"startup run {run + 1}/{runs}: tradegrid {t.TotalMilliseconds:F0} ms, bare {b.TotalMilliseconds:F0} ms");
        }

        log.Line($"Start-up to the first GetSeries(USA, rgdpna) with values, {runs} runs each, alternating (ms):");
        log.Line();
        log.Line("| server | min | median | max |");
        log.Line("|---|---:|---:|---:|");
        log.Line($"| TradeGrid (default dataset) | {ResultLog.F(tradeGrid.Min(), 0)} | {ResultLog.F(Statistics.Median(tradeGrid), 0)} | {ResultLog.F(tradeGrid.Max(), 0)} |");
        log.Line($"| bare grpc-dotnet | {ResultLog.F(bare.Min(), 0)} | {ResultLog.F(Statistics.Median(bare), 0)} | {ResultLog.F(bare.Max(), 0)} |");
        log.Line();
        double[] ratios = tradeGrid.Zip(bare, (t, b) => t / b).ToArray();
        log.Line($"TradeGrid/bare, pair by pair: median {ResultLog.F(Statistics.Median(ratios), 2)} "
            + $"(min {ResultLog.F(ratios.Min(), 2)}, max {ResultLog.F(ratios.Max(), 2)}). Target: TradeGrid under 5000 ms.");
        log.Line();
    }

    private async Task<(GetSeriesResponse Response, TimeSpan SinceStart)> StartTradeGridOnceAsync()
    {
        (ServerProcess process, int port) = servers.StartTradeGrid();
        await using (process)
        {
            using GrpcChannel channel = Channels.Create(port);
            return await Servers.WaitFirstSeriesAsync(process, new DataService.DataServiceClient(channel), SeriesPayload.Request, Timeout);
        }
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
}
