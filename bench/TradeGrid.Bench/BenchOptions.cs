using System.Globalization;

namespace TradeGrid.Bench;

/// <summary>The command line: a benchmark name, then switches. Every default keeps a benchmark under about two minutes.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/TradeGrid.Bench -- <startup|getseries|import|describe|extrapolate|scenarios|scenario-memory|load|all> [switches]
          --runs N         startup: starts of each server (default 5); import: imports, each on a fresh server (default 1)
          --seconds S      getseries: length of one measured segment (default 4); load: of each rate (give 600 for the 10-minute soak)
          --rates L        load: comma-separated offered rates in requests/s (default 2000); the first also warms up for --warmup seconds
          --rounds N       getseries: TradeGrid/bare pairs per concurrency level; describe: server/pandas pairs (default 3)
          --requests N     describe: timed requests (and pandas computations) per measure per round; extrapolate: timed requests and R repetitions (default 20)
          --warmup N       describe, extrapolate: untimed requests (and pandas computations) before timing (default 30); load: seconds
          --python PATH    describe: the interpreter with pandas (default /usr/bin/python3)
          --concurrency L  getseries: comma-separated caller counts (default 1,16,64)
          --rows N         import: rows in the generated tidy CSV (default 1000000)
          --settle S       import: seconds the server stays idle after SERVING before the import (default 10)
          --economies M    import: 'existing' (the default dataset's countries, many indicators; default)
                           or 'new' (new codes created by the import, 5 indicators)
          --baseline-silo DLL  import, extrapolate, scenario-memory: also run against this other build's TradeGrid.Silo.dll (e.g. an earlier commit's
                           Release build), alternating with this build run by run, and report the ratios
          --generated N    scenarios: N generated economies (G001…, imported first) instead of the default dataset's 144 with every driver
          --paths L        scenario-memory: comma-separated Monte Carlo path counts, each on a fresh silo (default 10000,40000,160000)
          --no-build       do not run 'dotnet build -c Release' on the servers first
          --out DIR        where result fragments and server logs go (default bench/out)
        """;

    public required string Benchmark { get; init; }
    public int? Runs { get; init; }
    public double Seconds { get; init; } = 4;
    public int Rounds { get; init; } = 3;
    public IReadOnlyList<int> Concurrency { get; init; } = [1, 16, 64];
    public IReadOnlyList<int> Rates { get; init; } = [2000];
    public IReadOnlyList<int> Paths { get; init; } = [10_000, 40_000, 160_000];
    public int Requests { get; init; } = 20;
    public int WarmUp { get; init; } = 30;
    public string Python { get; init; } = "/usr/bin/python3";
    public int Rows { get; init; } = 1_000_000;
    public string Economies { get; init; } = "existing";
    public int Generated { get; init; }
    public double SettleSeconds { get; init; } = 10;
    public string? BaselineSilo { get; init; }
    public bool Build { get; init; } = true;
    public string? OutDirectory { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("startup" or "getseries" or "import" or "describe" or "extrapolate" or "scenarios" or "scenario-memory" or "load" or "all"))
        {
            throw new ArgumentException(Usage);
        }
        var options = new BenchOptions { Benchmark = args[0] };
        for (int i = 1; i < args.Length; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value\n{Usage}");
            options = name switch
            {
                "--runs" => options with { Runs = PositiveInt(name, Value()) },
                "--seconds" => options with { Seconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--rounds" => options with { Rounds = PositiveInt(name, Value()) },
                "--concurrency" => options with { Concurrency = Value().Split(',').Select(v => PositiveInt(name, v)).ToArray() },
                "--paths" => options with { Paths = Value().Split(',').Select(v => PositiveInt(name, v)).ToArray() },
                "--rates" => options with { Rates = Value().Split(',').Select(v => PositiveInt(name, v)).ToArray() },
                "--settle" => options with { SettleSeconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--requests" => options with { Requests = PositiveInt(name, Value()) },
                "--warmup" => options with { WarmUp = PositiveInt(name, Value()) },
                "--python" => options with { Python = Value() },
                "--generated" => options with { Generated = PositiveInt(name, Value()) },
                "--rows" => options with { Rows = PositiveInt(name, Value()) },
                "--economies" => options with { Economies = Value() is "existing" or "new" ? args[i] : throw new ArgumentException("--economies is 'existing' or 'new'") },
                "--baseline-silo" => options with { BaselineSilo = File.Exists(Value()) ? Path.GetFullPath(args[i]) : throw new ArgumentException($"--baseline-silo: no file {args[i]}") },
                "--no-build" => options with { Build = false },
                "--out" => options with { OutDirectory = Value() },
                _ => throw new ArgumentException($"unknown switch '{name}'\n{Usage}"),
            };
        }
        return options;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"{name}: '{value}' is not a positive integer");
}
