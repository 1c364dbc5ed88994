using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using TradeGrid.Bench.Estimate;

// Estimation benchmark: generated bilateral panels of 10k, 100k and 1M rows (1M = 200 reporters × 200 partners
// × 25 years), each model timed through TradeGrid.Numerics alone after the data is in memory, and side by side in the
// same run with R (lm + sandwich, plm, glm) and statsmodels timing their own fits inside their processes.
// Usage: dotnet run -c Release --project bench/estimate/TradeGrid.Bench.Estimate -- [--sizes 10k,100k,1m] [--runs 5] [--models ols_cluster,fe_two_way,ppml_pair_year] [--no-references]
string[] sizes = Option("--sizes", "10k,100k,1m").Split(',');
int runs = int.Parse(Option("--runs", "5"), CultureInfo.InvariantCulture);
bool references = !args.Contains("--no-references");
string[] models = Option("--models", string.Join(',', LibraryFits.Models)).Split(',');
string root = FindRoot();
string outDirectory = Path.Combine(root, "bench", "out");
Directory.CreateDirectory(outDirectory);
string report = Path.Combine(outDirectory, $"estimate-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
using var log = new StreamWriter(report) { AutoFlush = true };
void Line(string text = "")
{
    Console.WriteLine(text);
    log.WriteLine(text);
}

Line($"#### estimation, {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
Line();
Line($"`dotnet run -c Release --project bench/estimate/TradeGrid.Bench.Estimate -- {string.Join(' ', args)}`; {Environment.ProcessorCount} cores, "
    + $"{RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}; load average at the start {LoadAverage()}.");
Line();
foreach (string size in sizes)
{
    (int reporters, int partners) = size switch
    {
        "10k" => (20, 20),
        "100k" => (50, 80),
        "1m" => (200, 200),
        _ => throw new ArgumentException($"Unknown size '{size}': use 10k, 100k or 1m."),
    };
    BilateralPanel panel = BilateralPanel.Generate(reporters, partners, 25, seed: 20261122);
    var results = new List<ModelResult>();
    foreach (string model in models)
    {
        results.Add(LibraryFits.Run(model, panel, runs));
    }

    long peak = Process.GetCurrentProcess().PeakWorkingSet64;
    var implementations = new List<string>();
    var skipped = new List<string>();
    if (references)
    {
        string csv = Path.Combine(Path.GetTempPath(), $"tradegrid-estimate-{size}.csv");
        panel.WriteCsv(csv);
        int referenceRuns = size == "1m" ? 1 : size == "100k" ? 2 : 3;
        // glm/GLM with a dummy per pair: 100k rows hold 4000 pairs, a 100k × 4030 dense design (3.2 GB) and a QR of
        // ~1.6e12 flops per iteration; 1M rows hold 40000 pairs (320 GB). Only the 10k panel (400 pairs) is feasible.
        string[] dummyModels = size == "10k" ? ["ppml_pair_year"] : [];
        if (size != "10k")
        {
            skipped.Add("PPML in R and statsmodels (a dummy column per pair: 4000 pairs at 100k rows, 40000 at 1M; the dense design alone is 3.2 GB and 320 GB)");
        }

        var r = await ReferenceRun.RunAsync("R", "Rscript", Path.Combine(root, "bench", "estimate", "r_fits.R"), csv, referenceRuns,
            ["ols_cluster", "fe_two_way", .. dummyModels], outDirectory);
        implementations.Add(r.Implementation);
        results.AddRange(r.Results);
        var python = await ReferenceRun.RunAsync("statsmodels", "/usr/bin/python3", Path.Combine(root, "bench", "estimate", "statsmodels_fits.py"), csv,
            referenceRuns, ["ols_cluster", .. dummyModels], outDirectory);
        implementations.Add(python.Implementation);
        results.AddRange(python.Results);
        File.Delete(csv);
    }

    Line($"{size}: {panel.Rows} rows ({reporters} reporters × {partners} partners × 25 years, {reporters * partners} pairs); TradeGrid: 3 warm-up + {runs} timed fits per model, "
        + $"peak working set of the bench process {peak / 1048576.0:F0} MB (data included).");
    if (implementations.Count > 0)
    {
        Line($"References: {string.Join("; ", implementations)}. Skipped: {(skipped.Count == 0 ? "none" : string.Join("; ", skipped))}.");
    }

    Line();
    Line("| model | implementation | wall ms, median (min–max) | CPU ms, median | memory MB | wall / TradeGrid | CPU / TradeGrid | max rel. diff. of β, SE from TradeGrid |");
    Line("|---|---|---:|---:|---:|---:|---:|---:|");
    foreach (string model in models)
    {
        ModelResult ours = results.Single(x => x.Implementation == "TradeGrid" && x.Model == model);
        foreach (ModelResult fit in results.Where(x => x.Model == model))
        {
            bool self = ReferenceEquals(fit, ours);
            Line($"| {model} | {fit.Implementation} | {fit.MedianMs:F1} ({fit.TimesMs.Min():F1}–{fit.TimesMs.Max():F1}) | {fit.MedianCpuMs:F0} | {fit.MemoryMb:F1} ({fit.MemoryMeasure}) | "
                + $"{(self ? "1" : (fit.MedianMs / ours.MedianMs).ToString("F1", CultureInfo.InvariantCulture))} | "
                + $"{(self ? "1" : (fit.MedianCpuMs / ours.MedianCpuMs).ToString("F1", CultureInfo.InvariantCulture))} | {(self ? "–" : Diff(fit, ours))} |");
        }
    }

    Line();
    foreach (ModelResult other in results.Where(x => x.Implementation != "TradeGrid"))
    {
        Line($"- {other.Implementation} {other.Model}: wall ms {string.Join(", ", other.TimesMs.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}; CPU ms {string.Join(", ", other.CpuMs.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}");
    }

    Line();
}

Line($"Load average at the end: {LoadAverage()}.");
Console.Error.WriteLine($"results written to {report}");
return 0;

string Option(string name, string fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static string Diff(ModelResult r, ModelResult ours)
{
    double beta = r.Coefficients.Zip(ours.Coefficients, (a, b) => Math.Abs(b / a - 1.0)).Max();
    double se = r.StandardErrors.Zip(ours.StandardErrors, (a, b) => Math.Abs(b / a - 1.0)).Max();
    return $"{beta.ToString("E1", CultureInfo.InvariantCulture)}, {se.ToString("E1", CultureInfo.InvariantCulture)}";
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string FindRoot()
{
    foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        string? directory = start;
        while (directory is not null && !File.Exists(Path.Combine(directory, "TradeGrid.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        if (directory is not null)
        {
            return directory;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (TradeGrid.sln not found above the current directory or the binary).");
}
