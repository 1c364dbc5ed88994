using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TradeGrid.Numerics.Forecasting;

// In-process timing of the forecasting library on the PWT rgdpna series of the selection fixture, cut at 2011
// (42 years, the holdout benchmark's training span): where the time goes, without server, network or grains.
// With DUMP=FILE in the environment, every model and point forecast of the last round is written there, so that two
// builds can be compared number by number.
// Usage: dotnet run -c Release --project bench/forecast/ForecastProfile [-- ROUNDS [METHOD ...]]
int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
string[] methods = args.Length > 1 ? args[1..] : ["naive", "drift", "cagr", "ets", "arima", "theta", "combination", "auto"];
string? dumpPath = Environment.GetEnvironmentVariable("DUMP");
using StreamWriter? dump = dumpPath is null ? null : new StreamWriter(dumpPath);
string fixture = Path.Combine(RepositoryRoot(), "tests", "TradeGrid.Numerics.Tests", "fixtures", "forecasting", "selection_reference.json");
using JsonDocument document = JsonDocument.Parse(File.ReadAllText(fixture));
double[][] series = document.RootElement.GetProperty("series").EnumerateArray()
    .Where(s => s.GetProperty("name").GetString()!.StartsWith("pwt_rgdpna_", StringComparison.Ordinal))
    .Select(s => s.GetProperty("y").EnumerateArray().Take(42).Select(v => v.GetDouble()).ToArray())
    .ToArray();
Console.WriteLine($"{series.Length} series of {series[0].Length} years; best of {rounds} rounds, one thread");

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
        var results = new ForecastResult[series.Length];
        for (int i = 0; i < series.Length; i++)
        {
            results[i] = forecaster.Forecast(series[i], 6, [80, 95]);
            checksum += results[i].Point[^1];
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
                dump.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}\t{i}\t{results[i].Model}\t{string.Join(' ', results[i].Point.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-12} {best,9:F1} ms wall {bestCpu,9:F1} ms CPU {allocated / 1048576.0,8:F1} MB allocated  checksum {checksum:R}"));
        }
    }
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
