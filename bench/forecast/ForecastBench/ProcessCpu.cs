using System.Globalization;

namespace TradeGrid.Bench.Forecast;

/// <summary>CPU time (user + system) a process has used, from /proc/PID/stat (Linux; NaN elsewhere or without a PID).</summary>
internal static class ProcessCpu
{
    // USER_HZ is 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100.0;

    public static double Seconds(int? pid)
    {
        string path = $"/proc/{pid}/stat";
        if (pid is null || !File.Exists(path))
        {
            return double.NaN;
        }
        string stat = File.ReadAllText(path);
        // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
