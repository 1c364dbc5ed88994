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
            for (int run = 0; run < runs; run++)
            {
                (ServerProcess process, int port) = servers.StartTradeGrid();
                await using (process)
                {
                    using GrpcChannel channel = Channels.Create(port);
                    var client = new DataService.DataServiceClient(channel);
                    await Servers.WaitServingAsync(process, channel, StartTimeout);
                    if (run == 0)
                    {
                        shape = await GenerateAsync(client, csvPath, options.Rows, newEconomies);
                        Console.Error.WriteLine($"import: {shape}");
                    }
                    byte[] content = await File.ReadAllBytesAsync(csvPath);
                    // Right after SERVING the silo is still busy (tiered JIT, the start-up's garbage, Orleans' timers);
                    // an idle pause first measures the import, not the tail of the start-up.
                    await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
                    ImportRun result = await ImportOnceAsync(process, client, content, newEconomies);
                    if (result.Response is { } response)
                    {
                        if (response.RowsRead != options.Rows)
                        {
                            throw new InvalidOperationException($"the server read {response.RowsRead} rows of {options.Rows}");
                        }
                        await CheckOneSeriesAsync(client, csvPath);
                    }
                    results.Add(result);
                    Console.Error.WriteLine($"import run {run + 1}/{runs}: {result.Elapsed.TotalSeconds:F2} s, "
                        + (result.Error ?? $"{result.RowsPerSecond:F0} rows/s") + $", RSS {result.RssAfterMiB:F0} MiB");
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
            + "Timed from the first message to the response. Memory: VmRSS and VmHWM of the server process from /proc (MiB).");
        log.Line();
        log.Line("| run | rows read | observations written | economies touched | seconds | rows/s | MB/s | RSS before | RSS after | RSS 5 s later | peak RSS |");
        log.Line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < results.Count; i++)
        {
            ImportRun r = results[i];
            string counts = r.Response is { } done
                ? $"{done.RowsRead} | {done.ObservationsWritten} | {done.EconomiesTouched}"
                : $"failed: {r.Error} | – | –";
            string rates = r.Response is null ? "– | –" : $"{ResultLog.F(r.RowsPerSecond, 0)} | {ResultLog.F(r.MegabytesPerSecond, 1)}";
            log.Line($"| {i + 1} | {counts} | {ResultLog.F(r.Elapsed.TotalSeconds, 2)} | {rates} "
                + $"| {ResultLog.F(r.RssBeforeMiB, 0)} | {ResultLog.F(r.RssAfterMiB, 0)} | {ResultLog.F(r.RssLaterMiB, 0)} | {ResultLog.F(r.PeakMiB, 0)} |");
        }
        log.Line();
        ImportRun[] succeeded = results.Where(r => r.Response is not null).ToArray();
        if (succeeded.Length > 1)
        {
            log.Line($"Median rows/s of the {succeeded.Length} imports that succeeded: {ResultLog.F(Statistics.Median(succeeded.Select(r => r.RowsPerSecond).ToArray()), 0)}.");
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
        (double rssAfter, _) = process.ReadMemory() ?? (double.NaN, double.NaN);
        await Task.Delay(Settle);
        (double rssLater, double peak) = process.ReadMemory() ?? (double.NaN, double.NaN);
        return new ImportRun(response, error, content.Length, elapsed, rssBefore, rssAfter, rssLater, peak);
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
