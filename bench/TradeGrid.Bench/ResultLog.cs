using System.Globalization;
using System.Runtime.InteropServices;

namespace TradeGrid.Bench;

/// <summary>Writes a benchmark's results to the console and to a Markdown fragment in the out folder, ready for RESULTS.md.</summary>
internal sealed class ResultLog : IDisposable
{
    private readonly StreamWriter _file;

    public ResultLog(string outDirectory, string benchmark, string[] args)
    {
        Directory.CreateDirectory(outDirectory);
        DateTime now = DateTime.UtcNow;
        Path = System.IO.Path.Combine(outDirectory, $"{benchmark}-{now:yyyyMMdd-HHmmss}.md");
        _file = new StreamWriter(Path) { AutoFlush = true };
        Line($"### {benchmark}, {now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        Line();
        Line($"`dotnet run -c Release --project bench/TradeGrid.Bench -- {string.Join(' ', args)}`; servers: Release builds, "
            + $"run as `dotnet <dll>`, on 127.0.0.1; {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()}, "
            + $".NET {Environment.Version}; load average at the start {LoadAverage()}.");
        Line();
    }

    public string Path { get; }

    public void Line(string text = "")
    {
        Console.WriteLine(text);
        _file.WriteLine(text);
    }

    public void Dispose() => _file.Dispose();

    /// <summary>The 1, 5 and 15 minute load averages: how busy the shared machine was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
