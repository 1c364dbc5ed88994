using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using TradeGrid.Numerics.Forecasting;

// In-process timing of the forecasting library, one thread, without server, network or grains: by default on the
// PWT rgdpna series of the selection fixture, cut at 2011 (42 years, the holdout benchmark's training span).
// With DUMP=FILE in the environment, every model and point forecast of the last round is written there, so that two
// builds can be compared number by number.
// Usage: [SERIES=pwt] dotnet run -c Release --project bench/forecast/ForecastProfile [-- ROUNDS [METHOD ...]]
int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
string[] methods = args.Length > 1 ? args[1..] : ["naive", "drift", "cagr", "ets", "arima", "theta", "combination", "auto"];
string? dumpPath = Environment.GetEnvironmentVariable("DUMP");
using StreamWriter? dump = dumpPath is null ? null : new StreamWriter(dumpPath);
// SERIES=pwt: instead, every economy's rgdpna, pop, emp and cgdpo in the default dataset, 1970–2010, without gaps:
// the series the server benchmark's "every method" table forecasts.
double[][] series = Environment.GetEnvironmentVariable("SERIES") == "pwt" ? PwtSeries() : FixtureSeries();
Console.WriteLine($"{series.Length} series of {series.Min(s => s.Length)}–{series.Max(s => s.Length)} years; best of {rounds} rounds, one thread");

foreach (string name in methods)
{
    IForecaster forecaster = Forecaster.Create(Forecaster.Parse(name));
    double checksum = 0.0;
    double best = double.PositiveInfinity;
    double bestCpu = double.PositiveInfinity;
    for (int round = 0; round < rounds; round++)
    {
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        checksum = 0.0;
        var results = new ForecastResult?[series.Length];
        for (int i = 0; i < series.Length; i++)
        {
            // A series shorter than the method's minimum is left out, as ForecastAll skips it.
            if (series[i].Length >= forecaster.MinimumObservations)
            {
                results[i] = forecaster.Forecast(series[i], 6, [80, 95]);
                checksum += results[i]!.Point[^1];
            }
        }
        clock.Stop();
        // CPU time as well: the machine is shared, and wall clock alone moves with the other load.
        bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (clock.Elapsed.TotalMilliseconds < best)
        {
            best = clock.Elapsed.TotalMilliseconds;
        }
        if (round == rounds - 1)
        {
            for (int i = 0; dump is not null && i < results.Length; i++)
            {
                dump.WriteLine(results[i] is { } r
                    ? string.Create(CultureInfo.InvariantCulture, $"{name}\t{i}\t{r.Model}\t{string.Join(' ', r.Point.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}")
                    : $"{name}\t{i}\tskipped: too short");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-12} {best,9:F1} ms wall {bestCpu,9:F1} ms CPU {allocated / 1048576.0,8:F1} MB allocated  checksum {checksum:R}"));
        }
    }
}

static double[][] FixtureSeries()
{
    string fixture = Path.Combine(RepositoryRoot(), "tests", "TradeGrid.Numerics.Tests", "fixtures", "forecasting", "selection_reference.json");
    using JsonDocument document = JsonDocument.Parse(File.ReadAllText(fixture));
    return document.RootElement.GetProperty("series").EnumerateArray()
        .Where(s => s.GetProperty("name").GetString()!.StartsWith("pwt_rgdpna_", StringComparison.Ordinal))
        .Select(s => s.GetProperty("y").EnumerateArray().Take(42).Select(v => v.GetDouble()).ToArray())
        .ToArray();
}

static double[][] PwtSeries()
{
    string[] indicators = ["rgdpna", "pop", "emp", "cgdpo"];
    var values = new Dictionary<(string Economy, string Indicator), SortedDictionary<int, double>>();
    using var file = new GZipStream(File.OpenRead(Path.Combine(RepositoryRoot(), "data", "default", "series", "pwt91.csv.gz")), CompressionMode.Decompress);
    using var reader = new StreamReader(file);
    reader.ReadLine();
    while (reader.ReadLine() is { } line)
    {
        // economy,indicator,year,value,flag,source (the source, quoted, comes last and is not read)
        string[] f = line.Split(',', 5);
        if (indicators.Contains(f[1]) && f[3].Length > 0 && int.Parse(f[2], CultureInfo.InvariantCulture) is >= 1970 and <= 2010 and var year)
        {
            (values.TryGetValue((f[0], f[1]), out var s) ? s : values[(f[0], f[1])] = [])[year] = double.Parse(f[3], CultureInfo.InvariantCulture);
        }
    }
    // As ForecastAll: a series with a gap inside its years is refused (fill it first), the others are taken whole.
    return values.Values.Where(s => s.Keys.Last() - s.Keys.First() + 1 == s.Count).Select(s => s.Values.ToArray()).ToArray();
}

static string RepositoryRoot()
{
    string? directory = AppContext.BaseDirectory;
    while (directory is not null && !File.Exists(Path.Combine(directory, "TradeGrid.sln")))
    {
        directory = Path.GetDirectoryName(directory);
    }
    return directory ?? throw new DirectoryNotFoundException("TradeGrid.sln not found above " + AppContext.BaseDirectory);
}
