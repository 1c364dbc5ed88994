using System.CommandLine;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;
using TradeGrid.Cli.Plots;

namespace TradeGrid.Cli.Commands.Scenarios;

/// <summary>The files scenario run and scenario get can also write: --plot FILE.png (for --plot-series CODE) and --csv FILE.</summary>
internal sealed class ScenarioFileOptions
{
    public Option<FileInfo> File { get; } = new("--plot") { Description = "Also draw a fan chart (history, baseline and scenario medians with 50/80/90% bands) to this PNG file" };

    public Option<string> Series { get; } = new("--plot-series") { Description = "Aggregate or economy drawn (default WLD, the world)", DefaultValueFactory = _ => "WLD" };

    public Option<FileInfo> Csv { get; } = new("--csv") { Description = "Also write every series and year, every digit and quantile (as --output csv), to this file" };

    public IEnumerable<Option> All => [File, Series, Csv];

    /// <summary>Writes the CSV file when --csv was given, then draws the chart when --plot was given; the exit code (InvalidArgument when the series is not in the result).</summary>
    public int Write(ParseResult parse, ScenarioResult result)
    {
        if (parse.GetValue(Csv) is { } csv)
        {
            System.IO.File.WriteAllLines(csv.FullName, ScenarioTable.Csv(result));
        }

        if (parse.GetValue(File) is not { } file)
        {
            return 0;
        }

        string code = parse.GetValue(Series) ?? "WLD";
        ScenarioSeries? series = result.Aggregates.Concat(result.Economies).FirstOrDefault(s => string.Equals(s.Economy, code, StringComparison.OrdinalIgnoreCase));
        if (series is null || series.Years.Count == 0)
        {
            Console.Error.WriteLine($"error (InvalidArgument): --plot-series: '{code}' is not among the result's projected series; give one of "
                + string.Join(", ", result.Aggregates.Concat(result.Economies).Where(s => s.Years.Count > 0).Take(8).Select(a => a.Economy)) + "…");
            return ExitCodes.For(Grpc.Core.StatusCode.InvalidArgument);
        }

        FanChart.SavePng(ScenarioChart.Spec(result, series), file.FullName);
        (parse.GetValue(GlobalOptions.Output) == OutputFormat.Table ? Console.Out : Console.Error)
            .WriteLine($"wrote {file.FullName} ({FanChart.DefaultWidth}×{FanChart.DefaultHeight} PNG, {series.Economy})");
        return 0;
    }
}
