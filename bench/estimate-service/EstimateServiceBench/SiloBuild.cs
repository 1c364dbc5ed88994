using System.Diagnostics;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>The silo's Release build in this repository, so the bench never times a Debug or stale build.</summary>
internal static class SiloBuild
{
    public static string Dll(string root) => Path.Combine(root, "silo", "bin", "Release", "net10.0", "TradeGrid.Silo.dll");

    public static async Task RunAsync(string root)
    {
        string project = Path.Combine(root, "silo", "TradeGrid.Silo.csproj");
        Console.Error.WriteLine($"building {project} (Release)...");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { "build", "-c", "Release", "-nologo", "-v", "q", project })
        {
            start.ArgumentList.Add(arg);
        }

        using Process build = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        Task<string> output = build.StandardOutput.ReadToEndAsync();
        Task<string> errors = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build {project} failed:\n{await output}\n{await errors}");
        }
    }
}
