using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TradeGrid.Bench;

/// <summary>
/// Every server this program started, so that all of them die with it: on normal exit, on an exception, and on
/// Ctrl+C or SIGTERM. Only processes started here are ever killed.
/// </summary>
internal static class ChildProcesses
{
    private static readonly Lock _gate = new();
    private static readonly List<Process> _children = [];

    private static readonly List<PosixSignalRegistration> _signals = [];

    public static void InstallExitHandlers()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        // SIGINT (Ctrl+C), SIGTERM and SIGHUP: kill the servers first, then let the signal end this process as usual.
        foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            _signals.Add(PosixSignalRegistration.Create(signal, context =>
            {
                Console.Error.WriteLine($"{context.Signal}: stopping the servers this benchmark started");
                KillAll();
            }));
        }
    }

    public static void Add(Process process)
    {
        lock (_gate)
        {
            _children.Add(process);
        }
    }

    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        lock (_gate)
        {
            _children.Remove(process);
        }
    }

    public static void KillAll()
    {
        Process[] children;
        lock (_gate)
        {
            children = [.. _children];
        }
        foreach (Process child in children)
        {
            Kill(child);
        }
    }
}
