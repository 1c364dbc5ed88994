using System.Diagnostics;

namespace TradeGrid.Bench;

/// <summary>Where the repository and the two servers' Release builds are, and how to build them.</summary>
internal sealed class RepositoryLayout
{
    private RepositoryLayout(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string SiloProject => Path.Combine(Root, "silo", "TradeGrid.Silo.csproj");

    public string SiloDirectory => Path.Combine(Root, "silo", "bin", "Release", "net10.0");

    public string SiloDll => Path.Combine(SiloDirectory, "TradeGrid.Silo.dll");

    public string BareProject => Path.Combine(Root, "bench", "TradeGrid.Bench.BareServer", "TradeGrid.Bench.BareServer.csproj");

    public string BareDirectory => Path.Combine(Root, "bench", "TradeGrid.Bench.BareServer", "bin", "Release", "net10.0");

    public string BareDll => Path.Combine(BareDirectory, "TradeGrid.Bench.BareServer.dll");

    /// <summary>The first folder above the working directory (or this program) that holds TradeGrid.sln.</summary>
    public static RepositoryLayout Find()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TradeGrid.sln")))
                {
                    return new RepositoryLayout(dir.FullName);
                }
            }
        }
        throw new InvalidOperationException("TradeGrid.sln not found above the working directory; run from the repository");
    }

    /// <summary>Release builds of both servers, so that the benchmark never times a Debug build or a stale one.</summary>
    public async Task BuildAsync(CancellationToken cancellationToken)
    {
        foreach (string project in new[] { SiloProject, BareProject })
        {
            Console.Error.WriteLine($"building {Path.GetFileName(project)} (Release)...");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[] { "build", "-c", "Release", "-nologo", "-v", "q", project })
            {
                start.ArgumentList.Add(arg);
            }
            using Process build = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
            Task<string> output = build.StandardOutput.ReadToEndAsync(cancellationToken);
            Task<string> errors = build.StandardError.ReadToEndAsync(cancellationToken);
            await build.WaitForExitAsync(cancellationToken);
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet build {project} failed:\n{await output}\n{await errors}");
            }
        }
    }
}
