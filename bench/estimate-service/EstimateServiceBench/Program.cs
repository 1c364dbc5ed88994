using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Grpc.Net.Client;
using TradeGrid.Api.V1;
using TradeGrid.Bench.Estimate;
using TradeGrid.Bench.EstimateServiceBench;

// Estimation through the server beside the library alone, in one run: the bilateral panel of bench/estimate
// (seeded; 1M rows = 200 reporters × 200 partners × 25 years) imported into a Release silo this program starts, then
// each model fitted through gRPC Fit and through TradeGrid.Numerics in this process on the same rows.
// Usage: dotnet run -c Release --project bench/estimate-service/EstimateServiceBench -- [--size 10k|100k|1m] [--runs 3]
//        [--models ols_cluster,fe_two_way,ppml_pair_year] [--no-build] [--out DIR]
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

Line($"#### estimation through the server and the library, {options.Size}, {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
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
foreach (string model in options.Models)
{
    string load = ProcFs.LoadAverage().Split(' ')[0];
    Console.Error.WriteLine($"server {model} (load {load})...");
    serverTimings.Add((await ServerFits.RunAsync(estimates, model, options, server.Id), load));
}

(double rssAfterFits, double peakRss) = ProcFs.Memory(server.Id);
var rows = new List<ResultRow>();
foreach ((ServerTiming timing, string serverLoad) in serverTimings)
{
    string load = ProcFs.LoadAverage().Split(' ')[0];
    Console.Error.WriteLine($"library {timing.Model} (load {load})...");
    rows.Add(new ResultRow(timing, serverLoad, LibraryFits.Run(timing.Model, panel, options.Runs, clusterByReporter: true), load));
}

Line($"Fits: server = gRPC `Fit` from this process (a first call, then {options.Runs} timed refits each at a new confidence level, so a new fit id: "
    + "every round runs again and the economies rebuild their rows; then the last request again, served from cache); server CPU = the silo's user + system "
    + $"time over each call (/proc). Library = TradeGrid.Numerics in this process on the same rows (3 untimed fits, then {options.Runs} timed), while the "
    + "silo idles. Clusters are by reporter on both sides (the server's clusters are its economies; bench/estimate clusters FE and PPML by pair). "
    + "Coordinator's rounds: the silo's log line per fit, the time of the rounds after the economies built their rows; the rest of the server's wall time "
    + "is the version checks, gathering the partners' series, building the rows in the economies, and gRPC.");
Line();
// The silo's output reaches its log asynchronously; the fits were logged long before, during the library fits.
foreach (string line in ResultTable.Render(rows, SiloLog.RoundsMs(server.LogPath)))
{
    Line(line);
}

Line();
Line($"Server RSS after the fits {rssAfterFits:F0} MiB, peak (VmHWM) {peakRss:F0} MiB. Load average at the end {ProcFs.LoadAverage()}. Silo log: {server.LogPath}.");
Console.Error.WriteLine($"results written to {reportPath}");
return 0;
