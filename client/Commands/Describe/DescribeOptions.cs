using System.CommandLine;

namespace TradeGrid.Cli.Commands.Describe;

/// <summary>Options and formatting shared by the describe and fill commands.</summary>
internal static class DescribeOptions
{
    public static Option<string> Group() => new("--group") { Description = "A group, e.g. RCEP, ASEAN, EU27 (WLD: every economy)" };

    public static Option<int> From() => new("--from") { Description = "First year (0: the first available)" };

    public static Option<int> To() => new("--to") { Description = "Last year (0: the last available)" };

    public static Argument<string[]> Economies() => new("economies")
    {
        Description = "Economy codes (space or comma separated)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static IEnumerable<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
