using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>
/// The Release silo started as a child process (<c>dotnet TradeGrid.Silo.dll</c>) on five free loopback ports (gRPC, HTTP, silo, gateway, metrics), without
/// the default dataset, its output in a log file. It is killed when disposed, and also on exit, Ctrl+C, SIGTERM or SIGHUP.
/// </summary>
internal sealed class SiloServer : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly List<PosixSignalRegistration> _signals = [];

    private SiloServer(Process process, StreamWriter log, string logPath, int grpcPort, int httpPort, int metricsPort)
    {
        MetricsPort = metricsPort;
        _process = process;
        _log = log;
        LogPath = logPath;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
        foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            _signals.Add(PosixSignalRegistration.Create(signal, _ => Kill()));
        }
    }

    public int Id => _process.Id;

    public int GrpcPort { get; }

    public int HttpPort { get; }

    /// <summary>The Prometheus scrape port (<c>--metrics-port</c>), its response cache off.</summary>
    public int MetricsPort { get; }

    public string LogPath { get; }

    public static SiloServer Start(string dll, string logPath)
    {
        int[] ports = FreePorts.Take(5);
        var start = new ProcessStartInfo("dotnet")
        {
            // Content root = the build output, where appsettings.json is.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        string[] names = ["--grpc-port", "--http-port", "--silo-port", "--gateway-port", "--metrics-port"];
        for (int i = 0; i < names.Length; i++)
        {
            start.ArgumentList.Add(names[i]);
            start.ArgumentList.Add(ports[i].ToString(CultureInfo.InvariantCulture));
        }

        start.ArgumentList.Add("--no-default-data");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Every scrape reads the allocation counter afresh (the default serves a collection up to 300 ms old).
        start.Environment["TradeGrid__Observability__ScrapeCacheMilliseconds"] = "0";
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        log.WriteLine($"$ dotnet {string.Join(' ', start.ArgumentList)}");
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloServer(process, log, logPath, ports[0], ports[1], ports[4]);
    }

    /// <summary>Polls <c>/healthz</c> on the HTTP port until it answers 200.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the silo exited before it was healthy; see {LogPath}");
            }

            try
            {
                using HttpResponseMessage response = await http.GetAsync($"http://127.0.0.1:{HttpPort}/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the silo was not healthy within {timeout.TotalSeconds:F0} s; see {LogPath}");
    }

    public void Dispose()
    {
        Kill();
        foreach (PosixSignalRegistration signal in _signals)
        {
            signal.Dispose();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill, or already disposed.
        }
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
}
