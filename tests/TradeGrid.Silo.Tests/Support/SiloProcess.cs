using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Grpc.Net.Client;

namespace TradeGrid.Silo.Tests.Support;

/// <summary>
/// One silo as its own process: the built server (<c>dotnet TradeGrid.Silo.dll</c>) on the PostgreSQL backend. gRPC
/// and HTTP bind port 0 and are read back from the server's log; the silo port (which other silos dial, so it must
/// be advertised before binding) is one the OS handed out a moment before. <see cref="Kill"/> is kill -9.
/// </summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    /// <summary>Only a guard against a start that hangs, not a speed requirement.</summary>
    private static readonly TimeSpan StartHangGuard = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _addresses = [];

    private SiloProcess(Process process, int siloPort)
    {
        _process = process;
        SiloPort = siloPort;
    }

    public int SiloPort { get; }

    /// <summary>The process id (a job gate names the process that reached it).</summary>
    public int Pid => _process.Id;

    public GrpcChannel Channel { get; private set; } = null!;

    public string GrpcAddress => _addresses[0];

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static string SiloAssembly =>
        typeof(SiloProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SiloAssembly").Value!;

    /// <summary>Starts a silo and waits until it says it is ready (its start-up data loaded, or found loaded).</summary>
    public static async Task<SiloProcess> StartAsync(string postgres, int siloPort = 0, bool defaultData = false, string? writeGate = null, string? jobGate = null)
    {
        siloPort = siloPort == 0 ? FreePort() : siloPort;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            SiloAssembly, "--postgres", postgres, "--grpc-port", "0", "--http-port", "0",
            "--silo-port", siloPort.ToString(), "--gateway-port", "0", "--Logging:Console:FormatterName=simple",
        })
        {
            start.ArgumentList.Add(arg);
        }
        if (!defaultData)
        {
            start.ArgumentList.Add("--no-default-data");
        }
        if (writeGate is not null)
        {
            start.ArgumentList.Add($"--TradeGrid:Testing:WriteGate={writeGate}");
        }
        if (jobGate is not null)
        {
            start.ArgumentList.Add($"--TradeGrid:Testing:JobGate={jobGate}");
            start.ArgumentList.Add("--TradeGrid:Scenarios:CheckpointSeconds=0"); // a checkpoint after every wave: the gate holds a job at a known one
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // The silo turns tiered compilation off (silo.csproj: every method fully optimised at its first call, for a
        // server's steady speed). A test silo lives a minute and is killed; tiers start it in 2.3 s instead of 3.9.
        start.Environment["DOTNET_TieredCompilation"] = "1";

        var silo = new SiloProcess(Process.Start(start)!, siloPort);
        silo._process.OutputDataReceived += (_, e) => silo.OnLine(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.OnLine(e.Data);
        silo._process.EnableRaisingEvents = true;
        silo._process.Exited += (_, _) => silo._ready.TrySetException(new InvalidOperationException($"the silo exited ({silo._process.ExitCode}) before it was ready:\n{silo.Log}"));
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        try
        {
            await silo._ready.Task.WaitAsync(StartHangGuard);
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
        silo.Channel = GrpcChannel.ForAddress(silo.GrpcAddress);
        return silo;
    }

    /// <summary>kill -9: the process ends at once, with no shutdown of any kind.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        Channel?.Dispose();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
            Match listening = Listening().Match(line);
            if (listening.Success)
            {
                _addresses.Add(listening.Groups[1].Value);
            }
        }
        if (line.Contains("TradeGrid ready:", StringComparison.Ordinal))
        {
            _ready.TrySetResult(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
