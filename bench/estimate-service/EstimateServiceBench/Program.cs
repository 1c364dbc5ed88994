using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Grpc.Net.Client;
using TradeGrid.Api.V1;
using TradeGrid.Bench.Estimate;
using TradeGrid.Bench.EstimateServiceBench;

// Estimation through the server beside the library alone, in one run: the bilateral panel of bench/estimate (seeded;
// 1M rows = 200 reporters × 200 partners × 25 years) imported into a Release silo this program starts, then each model
// fitted through gRPC Fit (the first call after the import; first fits of new specs, for which every economy builds its
// rows; refits of the same spec at another confidence level, for which the economies reuse the rows they kept; a repeat
// served from cache) and through TradeGrid.Numerics in this process on the same rows (the fit alone, and the design
// built from the panel's columns plus the fit) and through fixest (bench/estimate-service/fixest_service_fits.R, 2 threads;
// R_LIBS must reach fixest), with structural gravity (reporter×year + partner×year + pair effects) on the server and fixest.
// Usage: [R_LIBS=/opt/rlib] dotnet run -c Release --project bench/estimate-service/EstimateServiceBench -- [--size 10k|100k|1m]
//        [--runs 3] [--models ols_cluster,fe_two_way,ppml_pair_year,sg_ols,sg_ppml] [--no-build] [--no-fixest] [--out DIR]
string root = RepositoryRoot.Find();
BenchOptions options = BenchOptions.Parse(args, root);
Directory.CreateDirectory(options.OutDirectory);
string stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
string reportPath = Path.Combine(options.OutDirectory, $"estimate-service-{options.Size}-{stamp}.md");
using var report = new StreamWriter(reportPath) { AutoFlush = true };
void Line(string text = "")
{
    Console.WriteLine(text);
    report.WriteLine(text);
}

if (options.Build)
{
    await SiloBuild.RunAsync(root);
}

using SiloServer server = SiloServer.Start(SiloBuild.Dll(root), Path.Combine(options.OutDirectory, "logs", $"estimate-service-silo-{stamp}.log"));
Console.Error.WriteLine($"silo pid {server.Id}, gRPC 127.0.0.1:{server.GrpcPort}; generating the {options.Size} panel...");
BilateralPanel panel = BilateralPanel.Generate(options.Reporters, options.Partners, BenchOptions.Years, BenchOptions.Seed);
(byte[] csv, long csvRows) = TidyPanelCsv.Write(panel);
var startClock = Stopwatch.StartNew();
await server.WaitHealthyAsync(TimeSpan.FromMinutes(4));
Console.Error.WriteLine($"silo healthy after {startClock.Elapsed.TotalSeconds:F1} s more; importing {csvRows} rows ({csv.Length / 1e6:F1} MB)...");

Line($"#### estimation through the server, the library and fixest, {options.Size}, {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
Line();
Line($"`dotnet run -c Release --project bench/estimate-service/EstimateServiceBench -- {string.Join(' ', args)}`; {Environment.ProcessorCount} cores, "
    + $"{RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}; Release silo (`--no-default-data`) on 127.0.0.1, pid {server.Id}; "
    + $"load average at the start {ProcFs.LoadAverage()}.");
Line();

using GrpcChannel channel = GrpcChannel.ForAddress($"http://127.0.0.1:{server.GrpcPort}", new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
string importLoad = ProcFs.LoadAverage();
ImportResult import = await PanelImport.RunAsync(new DataService.DataServiceClient(channel), csv, server.Id);
Line($"Panel: {panel.Rows} rows ({options.Reporters} reporters × {options.Partners} partners × {BenchOptions.Years} years, {options.Reporters * options.Partners} pairs), "
    + $"seed {BenchOptions.Seed} (bench/estimate's). Import: a tidy CSV of {import.Response.RowsRead} rows ({import.Bytes / 1e6:F1} MB; each reporter's ln GDP, each partner's "
    + $"ln GDP, openness and internet use, each pair's cost, ln y and y), {import.Response.EconomiesCreated.Count} economies created, "
    + $"{import.Seconds:F2} s ({import.RowsPerSecond:F0} rows/s), server CPU {import.ServerCpuSeconds:F2} s, server RSS after {import.RssAfterMiB:F0} MiB; load average {importLoad}.");
Line();
csv = [];

// Let the import's tail (grain writes, garbage) settle before timing fits.
await Task.Delay(TimeSpan.FromSeconds(3));
var estimates = new EstimateService.EstimateServiceClient(channel);
var serverTimings = new List<(ServerTiming Timing, string Load)>();
using var metrics = new SiloMetrics(server.MetricsPort);
foreach (string model in options.Models)
{
    string load = ProcFs.LoadAverage().Split(' ')[0];
    Console.Error.WriteLine($"server {model} (load {load})...");
    serverTimings.Add((await ServerFits.RunAsync(estimates, model, options, server.Id, metrics), load));
}

(double rssAfterFits, double peakRss) = ProcFs.Memory(server.Id);
var rows = new List<ResultRow>();
foreach ((ServerTiming timing, string serverLoad) in serverTimings)
{
    string load = ProcFs.LoadAverage().Split(' ')[0];
    Console.Error.WriteLine($"library {timing.Model} (load {load})...");
    if (ModelSpecs.IsStructural(timing.Model))
    {
        rows.Add(new ResultRow(timing, serverLoad, null, null, "–"));
        continue;
    }

    // Design from columns first: its first call is the cold one (JIT).
    ModelResult fromColumns = LibraryFits.Run(timing.Model, panel, options.Runs, clusterByReporter: true, designFromColumns: true);
    rows.Add(new ResultRow(timing, serverLoad, LibraryFits.Run(timing.Model, panel, options.Runs, clusterByReporter: true), fromColumns, load));
}

string fixestNote = "fixest skipped (--no-fixest).";
if (options.Fixest)
{
    (rows, fixestNote) = await FixestFits.RunAsync(root, panel, options, rows);
}

Line("Fits through the server: gRPC `Fit` from this process; server CPU = the silo's user + system time over each call (/proc). Per model, in this "
    + $"order: the first call after the import (cold: JIT, every economy builds its rows); then {options.Runs} pairs of (a) the **first fit of a new spec**: "
    + "the sample's first year moved one year earlier each time (1999, 1998, ...: before the panel's first year, so the rows are the same), which is "
    + "part of the rows key, so every economy builds its rows again from its stored series, and (b) a **refit** of that spec at another confidence "
    + "level: a new fit id, so every round runs again, but the economies reuse the rows they kept (the rows key ignores the level), and structural "
    + "gravity (sg_*: rows gathered to the coordinator) starts from the design the silo kept from (a) (OLS: the rows with the effects projected out; "
    + "PPML: the IRLS converged), so its refit neither gathers, projects nor iterates: not the same work as fixest's warm call; then the last "
    + "refit's request again, served from cache. Both (a) and (b) include the version checks, gathering the partners' series, the rounds and gRPC; only "
    + "(a) includes building the rows. "
    + $"Library: TradeGrid.Numerics in this process on the same rows while the silo idles, two timers, each a first call, 2 untimed and {options.Runs} "
    + "timed calls: **fit only** (the design built before the timer) and **design from columns + fit** (x matrix, dense ids and year list built "
    + "inside the timer from the panel's columns). Clusters are by reporter on both sides (the server's clusters are its economies; bench/estimate "
    + "clusters FE and PPML by pair). Coordinator's rounds: the silo's log line per fit, the rounds after the economies described their blocks.");
Line();
// The silo's output reaches its log asynchronously; the fits were logged long before, during the library fits.
foreach (string line in ResultTable.Render(rows, SiloLog.RoundsMs(server.LogPath)))
{
    Line(line);
}

Line();
Line("Through the server beside fixest on the same rows: " + fixestNote + " Ratios are fixest's warm median over the server's median (above 1: the "
    + "server is faster). Server's timer: gRPC from this process, the coordinator gathering the economies' rows (each economy building them on a new "
    + "spec), the effect and cluster ids, the fit and the covariance. fixest's timer (system.time in R): formula parsing, the fixed-effect ids built from "
    + "a data.frame already in memory, the fit and the clustered covariance; its first call in the process is reported apart. Server memory: the "
    + "silo's managed bytes allocated over the call (System.Runtime's dotnet.gc.heap.total_allocated from `--metrics-port`); fixest's: R's heap "
    + "peak during the call (gc(reset) before, max used after; fixest's C++ buffers are not in it).");
Line();
foreach (string line in FixestTable.Render(rows))
{
    Line(line);
}

Line();
Line($"Server RSS after the fits {rssAfterFits:F0} MiB, peak (VmHWM) {peakRss:F0} MiB. Load average at the end {ProcFs.LoadAverage()}. Silo log: {server.LogPath}.");
Console.Error.WriteLine($"results written to {reportPath}");
return 0;
