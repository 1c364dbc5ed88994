using System.Globalization;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>A process's CPU time and memory from /proc (Linux; NaN elsewhere), and the machine's load average.</summary>
internal static class ProcFs
{
    // USER_HZ is 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100.0;

    /// <summary>User + system CPU seconds of every thread of the process so far.</summary>
    public static double CpuSeconds(int pid)
    {
        string path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
        {
            return double.NaN;
        }

        string stat = File.ReadAllText(path);
        // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>VmRSS (resident now) and VmHWM (peak resident) in MiB.</summary>
    public static (double RssMiB, double PeakMiB) Memory(int pid)
    {
        string path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return (double.NaN, double.NaN);
        }

        double rss = double.NaN, peak = double.NaN;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = KiB(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = KiB(line) / 1024.0;
            }
        }

        return (rss, peak);
    }

    /// <summary>The 1-, 5- and 15-minute load averages, as /proc/loadavg prints them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static long KiB(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
}
