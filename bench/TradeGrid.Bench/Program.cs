using TradeGrid.Bench;

// Benchmarks for TradeGrid: start-up, GetSeries against a bare grpc-dotnet server, a 1M-row import, and the describe
// measures against pandas, and extrapolation against R.
// The servers run as child processes (Release builds) on free 127.0.0.1 ports and are killed when this ends.
ChildProcesses.InstallExitHandlers();
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

RepositoryLayout layout = RepositoryLayout.Find();
string outDirectory = Path.GetFullPath(options.OutDirectory ?? Path.Combine(layout.Root, "bench", "out"));
try
{
    if (options.Build)
    {
        await layout.BuildAsync(CancellationToken.None);
    }
    var servers = new Servers(layout, outDirectory);
    string[] benchmarks = options.Benchmark == "all" ? ["startup", "getseries", "import", "describe"] : [options.Benchmark];
    foreach (string benchmark in benchmarks)
    {
        using var log = new ResultLog(outDirectory, benchmark, args);
        switch (benchmark)
        {
            case "startup":
                await new StartupBenchmark(servers, outDirectory).RunAsync(options.Runs ?? 5, log);
                break;
            case "getseries":
                await new GetSeriesBenchmark(servers, outDirectory).RunAsync(options, log);
                break;
            case "import":
                await new ImportBenchmark(servers).RunAsync(options, log);
                break;
            case "describe":
                await new DescribeBenchmark(servers, layout).RunAsync(options, log);
                break;
            case "extrapolate":
                await new ExtrapolationBenchmark(servers, layout).RunAsync(options, log);
                break;
            case "scenarios":
                await new ScenarioBenchmark(servers, layout).RunAsync(options, log);
                break;
            case "scenario-memory":
                await new ScenarioMemoryBenchmark(servers).RunAsync(options, log);
                break;
            case "load":
                await new LoadBenchmark(servers, layout).RunAsync(options, log);
                break;
        }
        log.Line($"Load average at the end: {ResultLog.LoadAverage()}.");
        log.Line();
        Console.Error.WriteLine($"results written to {log.Path}");
    }
    return 0;
}
finally
{
    ChildProcesses.KillAll();
}
