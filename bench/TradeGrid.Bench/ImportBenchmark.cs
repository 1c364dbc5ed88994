using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>
/// Import of a generated tidy CSV of N rows (default 1M) into a fresh TradeGrid, in 256 KiB chunks, timed from the
/// first message to the response; the server's resident memory from /proc before, right after and 5 s after.
/// </summary>
internal sealed class ImportBenchmark(Servers servers)
{
    private const int ChunkBytes = 256 * 1024;
    private const int NewEconomyIndicators = 5;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ImportDeadline = TimeSpan.FromSeconds(110);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public async Task RunAsync(BenchOptions options, ResultLog log)
    {
        int runs = options.Runs ?? 1;
        bool newEconomies = options.Economies == "new";
        string csvPath = Path.Combine(Path.GetTempPath(), $"tradegrid-bench-{Environment.ProcessId}.csv");
        var results = new List<ImportRun>();
        string shape = "";
        (TimeSpan Fastest, int Rows) parseOnly = default;
        try
        {
            // With a baseline build, each run imports into both, the order alternating, so the machine's drift falls on both.
            (string Label, string? Dll)[] builds = options.BaselineSilo is null ? [("this build", null)] : [("this build", null), ("baseline", options.BaselineSilo)];
            for (int run = 0; run < runs; run++)
            {
                foreach ((string label, string? dll) in run % 2 == 0 ? builds : builds.Reverse())
                {
                    ImportRun result = await RunOnceAsync(dll, label, run == 0 && results.Count == 0, options, csvPath, newEconomies, s => shape = s);
                    results.Add(result);
                    Console.Error.WriteLine($"import run {run + 1}/{runs} ({label}): {result.Elapsed.TotalSeconds:F2} s, "
                        + (result.Error ?? $"{result.RowsPerSecond:F0} rows/s, server CPU {result.ServerCpu.TotalSeconds:F2} s") + $", RSS {result.RssAfterMiB:F0} MiB");
                }
            }
            Console.Error.WriteLine("import: timing the server's CSV reader alone on the same bytes (3 parses, in this process)...");
            parseOnly = ParseOnly.Time(await File.ReadAllBytesAsync(csvPath), 3);
        }
        finally
        {
            File.Delete(csvPath);
        }

        ImportRun first = results[0];
        log.Line($"Import of {shape}: {first.Bytes / 1e6:F1} MB, sent as an ImportHeader and {ChunkBytes / 1024} KiB chunks "
            + $"to a fresh TradeGrid (default dataset loaded, then {options.SettleSeconds:0.#} s idle); create_economies = {(newEconomies ? "true" : "false")}. "
            + "Timed from the first message to the response. Server CPU: user + system time of the server process over the same "
            + "interval (all threads; steadier than elapsed time on a shared machine). Memory: VmRSS and VmHWM of the server process from /proc (MiB).");
        log.Line();
        log.Line("| run | server | rows read | observations written | economies touched | seconds | rows/s | MB/s | server CPU s | CPU µs/row | RSS before | RSS after | RSS 5 s later | peak RSS |");
        log.Line("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < results.Count; i++)
        {
            ImportRun r = results[i];
            string counts = r.Response is { } done
                ? $"{done.RowsRead} | {done.ObservationsWritten} | {done.EconomiesTouched}"
                : $"failed: {r.Error} | – | –";
            string rates = r.Response is null
                ? "– | – | – | –"
                : $"{ResultLog.F(r.RowsPerSecond, 0)} | {ResultLog.F(r.MegabytesPerSecond, 1)} | {ResultLog.F(r.ServerCpu.TotalSeconds, 2)} | {ResultLog.F(r.CpuMicrosecondsPerRow, 2)}";
            log.Line($"| {i + 1} | {r.Server} | {counts} | {ResultLog.F(r.Elapsed.TotalSeconds, 2)} | {rates} "
                + $"| {ResultLog.F(r.RssBeforeMiB, 0)} | {ResultLog.F(r.RssAfterMiB, 0)} | {ResultLog.F(r.RssLaterMiB, 0)} | {ResultLog.F(r.PeakMiB, 0)} |");
        }
        log.Line();
        ImportRun[] succeeded = results.Where(r => r.Response is not null && r.Server == "this build").ToArray();
        if (succeeded.Length > 1)
        {
            log.Line($"Median rows/s of the {succeeded.Length} imports into this build that succeeded: {ResultLog.F(Statistics.Median(succeeded.Select(r => r.RowsPerSecond).ToArray()), 0)}.");
        }
        if (options.BaselineSilo is not null)
        {
            CompareWithBaseline(results, options.BaselineSilo, log);
        }
        double parseRate = parseOnly.Rows / parseOnly.Fastest.TotalSeconds;
        string share = succeeded.Length == 0
            ? "no import succeeded to compare it with"
            : $"that is {ResultLog.F(100 * parseOnly.Fastest.TotalSeconds / Statistics.Median(succeeded.Select(r => r.Elapsed.TotalSeconds).ToArray()), 0)}% "
                + "of the median end-to-end time";
        log.Line($"The server's CSV reader alone (TradeGrid.Data CsvImport.Read, from memory, in the bench process, fastest of 3): "
            + $"{ResultLog.F(parseOnly.Fastest.TotalSeconds, 2)} s, {ResultLog.F(parseRate, 0)} rows/s; {share}.");
        log.Line();
        log.Line("Target: 500000 rows/s. RSS includes garbage not yet collected (no GC can be forced from outside).");
        log.Line();
    }

    /// <summary>Pair by pair (run k of this build and run k of the baseline): rows/s and server CPU, this build over the baseline.</summary>
    private static void CompareWithBaseline(List<ImportRun> results, string baselineSilo, ResultLog log)
    {
        ImportRun[] ours = results.Where(r => r.Server == "this build").ToArray();
        ImportRun[] theirs = results.Where(r => r.Server == "baseline").ToArray();
        var speed = new List<double>();
        var cpu = new List<double>();
        for (int k = 0; k < Math.Min(ours.Length, theirs.Length); k++)
        {
            if (ours[k].Response is not null && theirs[k].Response is not null)
            {
                speed.Add(ours[k].RowsPerSecond / theirs[k].RowsPerSecond);
                cpu.Add(theirs[k].ServerCpu.TotalSeconds / ours[k].ServerCpu.TotalSeconds);
            }
        }
        if (speed.Count == 0)
        {
            log.Line($"Baseline `{baselineSilo}`: no pair of runs where both imports succeeded.");
            return;
        }
        double[] s = [.. speed], c = [.. cpu];
        log.Line($"Against the baseline build (`{baselineSilo}`), {speed.Count} pair(s), alternating order: rows/s this build / baseline "
            + $"median {ResultLog.F(Statistics.Median(s), 2)} (min {ResultLog.F(s.Min(), 2)}, max {ResultLog.F(s.Max(), 2)}); "
            + $"server CPU baseline / this build median {ResultLog.F(Statistics.Median(c), 2)} (min {ResultLog.F(c.Min(), 2)}, max {ResultLog.F(c.Max(), 2)}).");
    }

    /// <summary>Writes the CSV; returns a description of its shape.</summary>
    private static async Task<string> GenerateAsync(DataService.DataServiceClient client, string path, int rows, bool newEconomies)
    {
        List<string> economies;
        List<string> indicators;
        if (newEconomies)
        {
            int count = (int)Math.Ceiling(rows / (double)(NewEconomyIndicators * TidyCsvGenerator.YearsPerSeries));
            economies = Enumerable.Range(0, count).Select(i => $"BX{i:D5}").ToList();
            indicators = Enumerable.Range(1, NewEconomyIndicators).Select(i => $"BENCH.NEW.{i}").ToList();
        }
        else
        {
            ListEconomiesResponse listed = await client.ListEconomiesAsync(new ListEconomiesRequest { CountriesOnly = true });
            economies = listed.Economies.Select(e => e.Code).ToList();
            int count = (int)Math.Ceiling(rows / (double)(economies.Count * TidyCsvGenerator.YearsPerSeries));
            indicators = Enumerable.Range(1, count).Select(i => $"BENCH.IND.{i:D3}").ToList();
        }
        long bytes = TidyCsvGenerator.Write(path, economies, indicators, rows);
        return $"{rows} rows ({(newEconomies ? "new" : "existing")} economies: {economies.Count} × {indicators.Count} indicators × "
            + $"{TidyCsvGenerator.FirstYear}–{TidyCsvGenerator.LastYear}, {bytes / 1e6:F1} MB)";
    }

    /// <summary>Starts a fresh server of the given build (null: this one), generates the CSV when asked, imports it once.</summary>
    private async Task<ImportRun> RunOnceAsync(string? dll, string label, bool generate, BenchOptions options, string csvPath, bool newEconomies, Action<string> shape)
    {
        (ServerProcess process, int port) = servers.StartTradeGrid(dll);
        await using (process)
        {
            using GrpcChannel channel = Channels.Create(port);
            var client = new DataService.DataServiceClient(channel);
            await Servers.WaitServingAsync(process, channel, StartTimeout);
            if (generate)
            {
                string described = await GenerateAsync(client, csvPath, options.Rows, newEconomies);
                shape(described);
                Console.Error.WriteLine($"import: {described}");
            }
            byte[] content = await File.ReadAllBytesAsync(csvPath);
            // Right after SERVING the silo is still busy (tiered JIT, the start-up's garbage, Orleans' timers);
            // an idle pause first measures the import, not the tail of the start-up.
            await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
            ImportRun result = await ImportOnceAsync(process, client, content, newEconomies) with { Server = label };
            if (result.Response is { } response)
            {
                if (response.RowsRead != options.Rows)
                {
                    throw new InvalidOperationException($"the server read {response.RowsRead} rows of {options.Rows}");
                }
                await CheckOneSeriesAsync(client, csvPath);
            }
            return result;
        }
    }

    private static async Task<ImportRun> ImportOnceAsync(ServerProcess process, DataService.DataServiceClient client, byte[] content, bool newEconomies)
    {
        var header = new ImportHeader
        {
            Format = ImportFormat.Tidy,
            CreateEconomies = newEconomies,
            Source = "TradeGrid.Bench",
            FileName = "bench-import.csv",
        };
        (double rssBefore, _) = process.ReadMemory() ?? (double.NaN, double.NaN);
        TimeSpan cpuBefore = process.CpuTime();
        long start = Stopwatch.GetTimestamp();
        ImportResponse? response = null;
        string? error = null;
        using AsyncClientStreamingCall<ImportRequest, ImportResponse> call = client.Import(deadline: DateTime.UtcNow + ImportDeadline);
        try
        {
            await call.RequestStream.WriteAsync(new ImportRequest { Header = header });
            for (int offset = 0; offset < content.Length; offset += ChunkBytes)
            {
                int n = Math.Min(ChunkBytes, content.Length - offset);
                // UnsafeWrap: the array is not touched while the call runs, so no copy per chunk on the client side.
                await call.RequestStream.WriteAsync(new ImportRequest { Chunk = UnsafeByteOperations.UnsafeWrap(content.AsMemory(offset, n)) });
            }
            await call.RequestStream.CompleteAsync();
            response = await call.ResponseAsync;
        }
        catch (RpcException ex)
        {
            // A failed import is a result too: reported with its status rather than ending the benchmark.
            error = $"{ex.StatusCode}: {ex.Status.Detail}";
        }
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        TimeSpan cpu = process.CpuTime() - cpuBefore;
        (double rssAfter, _) = process.ReadMemory() ?? (double.NaN, double.NaN);
        await Task.Delay(Settle);
        (double rssLater, double peak) = process.ReadMemory() ?? (double.NaN, double.NaN);
        return new ImportRun(response, error, content.Length, elapsed, cpu, rssBefore, rssAfter, rssLater, peak);
    }

    /// <summary>The first series of the file reads back with every year: the import really wrote.</summary>
    private static async Task CheckOneSeriesAsync(DataService.DataServiceClient client, string csvPath)
    {
        string[] first = File.ReadLines(csvPath).Skip(1).First().Split(',');
        GetSeriesResponse series = await client.GetSeriesAsync(new GetSeriesRequest { Economy = first[0], Indicator = first[1] });
        if (series.Series.Observations.Count != TidyCsvGenerator.YearsPerSeries)
        {
            throw new InvalidOperationException($"{first[0]}/{first[1]} has {series.Series.Observations.Count} observations after the import, not {TidyCsvGenerator.YearsPerSeries}");
        }
    }
}
