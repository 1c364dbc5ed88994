using System.Diagnostics;
using System.Globalization;

namespace TradeGrid.Bench;

/// <summary>A server started as a child process (<c>dotnet X.dll ...</c>), its output kept in a log file.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(string name, Process process, StreamWriter log, string logPath, long startedAt)
    {
        Name = name;
        _process = process;
        _log = log;
        LogPath = logPath;
        StartedAt = startedAt;
    }

    public string Name { get; }

    public string LogPath { get; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the process was started.</summary>
    public long StartedAt { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ServerProcess Start(string name, string dll, IEnumerable<string> args, string logPath)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // Content root = the build output, where appsettings.json is (the silo reads its log levels there).
            WorkingDirectory = Path.GetDirectoryName(dll)!, // a full path always has a directory
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!); // a full path always has a directory
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        log.WriteLine($"$ dotnet {string.Join(' ', start.ArgumentList)}");
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        long startedAt = Stopwatch.GetTimestamp();
        process.Start();
        ChildProcesses.Add(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(name, process, log, logPath, startedAt);
    }

    /// <summary>VmRSS (resident now) and VmHWM (peak resident) from /proc, in MiB; null where /proc is not there.</summary>
    public (double RssMiB, double PeakMiB)? ReadMemory()
    {
        string path = $"/proc/{_process.Id}/status";
        if (!File.Exists(path))
        {
            return null;
        }
        double rss = 0;
        double peak = 0;
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

    /// <summary>
    /// CPU time the server has used so far (user + system, all threads). Unlike elapsed time it hardly moves with
    /// the other processes on the machine, so it is the steadier measure of the work a request costs.
    /// </summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public ValueTask DisposeAsync()
    {
        ChildProcesses.Kill(_process);
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The last lines of a killed server arrive after its log was closed.
            }
        }
    }

    private static long KiB(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
}
