using System.Globalization;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>Command-line switches: panel size, timed fits per model, models, whether to build the silo and run fixest, where results go.</summary>
internal sealed record BenchOptions(string Size, int Reporters, int Partners, int Runs, string[] Models, bool Build, bool Fixest, string OutDirectory)
{
    /// <summary>Years in every panel (2000–2024), as bench/estimate.</summary>
    public const int Years = 25;

    /// <summary>The seed bench/estimate uses, so both benches fit the same rows.</summary>
    public const int Seed = 20261122;

    public const string Usage =
        "EstimateServiceBench [--size 10k|100k|1m] [--runs N] [--models ols_cluster,fe_two_way,ppml_pair_year,sg_ols,sg_ppml,sg_ols_grains,sg_ppml_grains] [--no-build] [--no-fixest] [--out DIR]";

    public static BenchOptions Parse(string[] args, string root)
    {
        string Option(string name, string fallback)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        string size = Option("--size", "1m");
        (int reporters, int partners) = size switch
        {
            "10k" => (20, 20),
            "100k" => (50, 80),
            "1m" => (200, 200),
            _ => throw new ArgumentException($"Unknown size '{size}': use 10k, 100k or 1m. {Usage}"),
        };
        int runs = int.Parse(Option("--runs", "3"), CultureInfo.InvariantCulture);
        if (runs < 1)
        {
            throw new ArgumentException($"--runs must be at least 1. {Usage}");
        }

        string[] models = Option("--models", string.Join(',', ModelSpecs.Models)).Split(',');
        foreach (string model in models.Where(m => !ModelSpecs.Models.Contains(m) && !ModelSpecs.Optional.Contains(m)))
        {
            throw new ArgumentException($"Unknown model '{model}': use {string.Join(", ", ModelSpecs.Models.Concat(ModelSpecs.Optional))}.");
        }

        string outDirectory = Path.GetFullPath(Option("--out", Path.Combine(root, "bench", "out")));
        return new BenchOptions(size, reporters, partners, runs, models, !args.Contains("--no-build"), !args.Contains("--no-fixest"), outDirectory);
    }
}
