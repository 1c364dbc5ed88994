using System.Diagnostics;

namespace TradeGrid.Bench;

/// <summary>
/// Every server this program started, so that all of them die with it: on normal exit, on an exception, and on
/// Ctrl+C or SIGTERM. Only processes started here are ever killed.
/// </summary>
internal static class ChildProcesses
{
    private static readonly Lock _gate = new();
    private static readonly List<Process> _children = [];

    public static void InstallExitHandlers()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
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
