using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using TradeGrid.Bench.Estimate;

// Estimation benchmark: generated bilateral panels of 10k, 100k and 1M rows (1M = 200 reporters × 200 partners
// × 25 years), each model timed through TradeGrid.Numerics alone, twice (the fit on a design built before the timer,
// and the design built from the panel's columns plus the fit), and side by side in the same run with R (lm + sandwich,
// plm, glm), fixest (feols, fepois) and statsmodels, each timing its own calls from its data frame inside its process.
// Every implementation's first call is reported apart from its warm calls.
// Usage: dotnet run -c Release --project bench/estimate/TradeGrid.Bench.Estimate -- [--sizes 10k,100k,1m] [--runs 5]
//        [--reference-runs 3] [--models ols_cluster,fe_two_way,ppml_pair_year] [--no-references] [--no-fixest]
string[] sizes = Option("--sizes", "10k,100k,1m").Split(',');
int runs = int.Parse(Option("--runs", "5"), CultureInfo.InvariantCulture);
// R's lm/plm/glm and statsmodels: a first call and (N - 1) warm calls; plm takes ~15 s a call at 1M rows.
int referenceRuns = int.Parse(Option("--reference-runs", "3"), CultureInfo.InvariantCulture);
bool references = !args.Contains("--no-references");
bool fixest = references && !args.Contains("--no-fixest");
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

Line($"#### estimation (library), {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
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
    var loads = new List<string> { $"TradeGrid {LoadAverage()}" };
    foreach (string model in models)
    {
        // The like-for-like timer first, so that its first call is the cold one (JIT), as each reference's first call is.
        results.Add(LibraryFits.Run(model, panel, runs, designFromColumns: true));
        results.Add(LibraryFits.Run(model, panel, runs));
    }

    long peak = Process.GetCurrentProcess().PeakWorkingSet64;
    var implementations = new List<string>();
    var skipped = new List<string>();
    if (references)
    {
        string csv = Path.Combine(Path.GetTempPath(), $"tradegrid-estimate-{size}.csv");
        panel.WriteCsv(csv);
        // glm/GLM with a dummy per pair: 100k rows hold 4000 pairs, a 100k × 4030 dense design (3.2 GB) and a QR of
        // ~1.6e12 flops per iteration; 1M rows hold 40000 pairs (320 GB). Only the 10k panel (400 pairs) is feasible.
        string[] dummyModels = size == "10k" && models.Contains("ppml_pair_year") ? ["ppml_pair_year"] : [];
        if (size != "10k")
        {
            skipped.Add("PPML in R's glm and statsmodels (a dummy column per pair: 4000 pairs at 100k rows, 40000 at 1M; the dense design alone is 3.2 GB and 320 GB)");
        }

        string[] linear = models.Where(m => m != "ppml_pair_year").ToArray();
        loads.Add($"R {LoadAverage()}");
        var r = await ReferenceRun.RunAsync("R", "Rscript", Path.Combine(root, "bench", "estimate", "r_fits.R"),
            "formula → model frame → model matrix from the data frame (plm: its indexed panel), the fit and the covariance", csv, referenceRuns,
            [.. linear, .. dummyModels], outDirectory);
        implementations.Add(r.Implementation);
        results.AddRange(r.Results);
        if (fixest)
        {
            loads.Add($"fixest {LoadAverage()}");
            try
            {
                var f = await ReferenceRun.RunAsync("fixest", "Rscript", Path.Combine(root, "bench", "estimate", "fixest_fits.R"),
                    "formula, fixed-effect ids and design from the data frame, the fit and the clustered covariance (2 threads)", csv, runs + 1, models, outDirectory);
                implementations.Add(f.Implementation);
                results.AddRange(f.Results);
            }
            catch (InvalidOperationException ex)
            {
                // fixest is not a Debian package: bench/README.md says how to install it. Without it the rest still runs.
                skipped.Add($"fixest ({LastLine(ex.Message)})");
            }
        }

        string[] pythonModels = [.. models.Where(m => m == "ols_cluster"), .. dummyModels];
        if (pythonModels.Length > 0)
        {
            loads.Add($"statsmodels {LoadAverage()}");
            try
            {
                var python = await ReferenceRun.RunAsync("statsmodels", "/usr/bin/python3", Path.Combine(root, "bench", "estimate", "statsmodels_fits.py"),
                    "the design from the data frame's columns (constant, dummies), the fit and the covariance", csv, referenceRuns, pythonModels, outDirectory);
                implementations.Add(python.Implementation);
                results.AddRange(python.Results);
            }
            catch (InvalidOperationException ex)
            {
                // python3-statsmodels may be missing; the other references' results are kept.
                skipped.Add($"statsmodels ({LastLine(ex.Message)})");
            }
        }

        File.Delete(csv);
    }

    Line($"{size}: {panel.Rows} rows ({reporters} reporters × {partners} partners × 25 years, {reporters * partners} pairs). TradeGrid: per model and timer a first "
        + $"call (cold: JIT), 2 untimed, then {runs} warm calls; peak working set of the bench process {peak / 1048576.0:F0} MB (data included). R's lm/plm/glm and "
        + $"statsmodels: a first call and {referenceRuns - 1} warm calls (statsmodels' PPML: one call); fixest: a first call and {runs} warm calls; each reads the "
        + "CSV before any timer. 1-minute load average when each side started: " + string.Join("; ", loads) + ".");
    if (implementations.Count > 0 || skipped.Count > 0)
    {
        Line($"References: {string.Join("; ", implementations)}. Skipped: {(skipped.Count == 0 ? "none" : string.Join("; ", skipped))}.");
    }

    Line();
    Line("| model | implementation | first call ms (CPU) | warm wall ms, median (min–max) | warm CPU ms, median | memory MB | warm wall / TradeGrid from columns | warm CPU / TradeGrid from columns | first call / TradeGrid's first, from columns | max rel. diff. of β, SE from TradeGrid |");
    Line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (string model in models)
    {
        ModelResult fitOnly = results.Single(x => x.Implementation == LibraryFits.FitOnly && x.Model == model);
        ModelResult like = results.Single(x => x.Implementation == LibraryFits.FromColumns && x.Model == model);
        foreach (ModelResult fit in results.Where(x => x.Model == model))
        {
            bool ours = fit.Implementation.StartsWith("TradeGrid", StringComparison.Ordinal);
            string warm = fit.TimesMs.Length == 0 ? "–" : $"{fit.MedianMs:F1} ({fit.TimesMs.Min():F1}–{fit.TimesMs.Max():F1})";
            Line($"| {model} | {fit.Implementation} | {fit.FirstMs:F1} ({fit.FirstCpuMs:F0}) | {warm} | {(fit.CpuMs.Length == 0 ? "–" : fit.MedianCpuMs.ToString("F0", CultureInfo.InvariantCulture))} | "
                + $"{fit.MemoryMb:F1} ({fit.MemoryMeasure}) | {Ratio(fit.MedianMs, like.MedianMs)} | {Ratio(fit.MedianCpuMs, like.MedianCpuMs)} | {Ratio(fit.FirstMs, like.FirstMs)} | "
                + $"{(ours ? "–" : Diff(fit, fitOnly))} |");
        }
    }

    Line();
    Line("What each timer includes:");
    foreach (ModelResult timed in results.DistinctBy(x => x.Implementation))
    {
        Line($"- {timed.Implementation}: {timed.Timer}.");
    }

    Line();
    foreach (ModelResult other in results.Where(x => !x.Implementation.StartsWith("TradeGrid", StringComparison.Ordinal)))
    {
        Line($"- {other.Implementation} {other.Model}: first call {other.FirstMs:F0} ms (CPU {other.FirstCpuMs:F0}); warm wall ms "
            + $"{string.Join(", ", other.TimesMs.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}; warm CPU ms {string.Join(", ", other.CpuMs.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}");
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

static string LastLine(string message) =>
    message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? message;

static string Ratio(double value, double reference) =>
    double.IsNaN(value) || double.IsNaN(reference) ? "–" : (value / reference).ToString("F1", CultureInfo.InvariantCulture);

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
