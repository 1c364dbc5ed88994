using System.Globalization;
using Google.Protobuf;
using Spectre.Console;
using Spectre.Console.Rendering;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands.Scenarios;

/// <summary>
/// A scenario's result for people and programs. Table: one table per aggregate (the groups asked for, then the
/// world), a row per year with the deterministic baseline, scenario, difference and percent difference and, with
/// paths, a second line holding each one's 5–95% band over the paths. Numbers are at most 8 characters
/// (<see cref="TableNumber"/>), so the widest row is 79 columns and no cell ever wraps inside a number. CSV: every
/// series (aggregates, then economies) and year, every digit, every quantile. JSON: the whole result.
/// </summary>
internal static class ScenarioTable
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation().WithFormatDefaultValues(true));

    public static void Write(OutputFormat format, ScenarioResult result)
    {
        switch (format)
        {
            case OutputFormat.Json:
                Console.Out.WriteLine(Json.Format(result));
                break;
            case OutputFormat.Csv:
                foreach (string line in Csv(result))
                {
                    Console.Out.WriteLine(line);
                }
                break;
            default:
                foreach (IRenderable renderable in Tables(result))
                {
                    AnsiConsole.Write(renderable);
                }
                break;
        }
    }

    /// <summary>The tables and the lines under them, in order.</summary>
    public static IEnumerable<IRenderable> Tables(ScenarioResult result)
    {
        int low = Index(result.Quantiles, 0.05);
        int high = Index(result.Quantiles, 0.95);
        bool bands = result.Paths > 0 && low >= 0 && high >= 0;
        string dependent = Plots.ScenarioChart.ValueName(result);
        IEnumerable<ScenarioSeries> shown = result.Aggregates.Count > 0 ? result.Aggregates : result.Economies;
        foreach (ScenarioSeries series in shown)
        {
            yield return Table(series, dependent, bands ? (low, high) : null);
        }

        // Short lines of their own: a console of 80 columns would wrap longer ones mid-sentence.
        string paths = bands
            ? $"Second lines: 5–95% of {result.Paths} paths (seed {result.Seed})."
            : result.Paths > 0 ? $"{result.Paths} paths (seed {result.Seed}); ask for quantiles 0.05, 0.95 for bands." : "Deterministic: no paths.";
        string unit = result.Unit.Length > 0 ? $"Unit: {result.Unit}.\n" : string.Empty;
        if (result.WorldScaling is { } w)
        {
            // Box 2: WLD = the projected economies' sum / s.
            unit += string.Create(CultureInfo.InvariantCulture,
                $"WLD scaled to the world: sum / {w.Share:0.0000}, the projected\neconomies' mean share of world GDP ({w.GdpShare:0.0%}) and trade ({w.TradeShare:0.0%}) in {w.Year}.\n");
        }
        yield return new Text(
            unit +
            "baseline, scenario: projections through the fitted coefficients.\n" +
            $"{paths}\n{result.Projected} economies projected, {result.Skipped} skipped; --output csv for all of them.\n");
    }

    public static IEnumerable<string> Csv(ScenarioResult result)
    {
        string[] q = result.Quantiles.Select(p => "q" + (p * 100).ToString("0.###", CultureInfo.InvariantCulture)).ToArray();
        string[] distribution = ["mean", "sd", .. q];
        yield return string.Join(",", new[] { "series", "partner", "aggregate", "year", "baseline", "scenario", "difference", "percent_difference" }
            .Concat(new[] { "baseline", "scenario", "difference" }.SelectMany(kind => distribution.Select(c => $"{kind}_paths_{c}"))));
        foreach (ScenarioSeries series in result.Aggregates.Concat(result.Economies))
        {
            foreach (ScenarioYear y in series.Years)
            {
                yield return string.Join(",", new[]
                {
                    series.Economy, series.Partner, series.Aggregate ? "true" : "false", y.Year.ToString(CultureInfo.InvariantCulture),
                    ResultWriter.Number(y.Baseline), ResultWriter.Number(y.Scenario), ResultWriter.Number(y.Difference), ResultWriter.Number(y.PercentDifference),
                }.Concat(new[] { y.BaselinePaths, y.ScenarioPaths, y.DifferencePaths }.SelectMany(p => Distribution(p, distribution.Length))));
            }
        }
    }

    private static Table Table(ScenarioSeries series, string dependent, (int Low, int High)? band)
    {
        string name = series.Aggregate ? $"{series.Economy} ({series.Members} economies)" : series.Economy;
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Markup.Escape($"{name}{(series.Partner.Length > 0 ? " → " + series.Partner : "")}: {dependent}")) };
        string second = band is null ? string.Empty : "\n[dim]5–95%[/]";
        table.AddColumn(new TableColumn("year").NoWrap());
        foreach (string header in new[] { "baseline", "scenario", "difference" })
        {
            table.AddColumn(new TableColumn(header + second).RightAligned().NoWrap());
        }
        table.AddColumn(new TableColumn("diff %").RightAligned().NoWrap());
        if (band is not null)
        {
            table.ShowRowSeparators();
        }

        foreach (ScenarioYear y in series.Years)
        {
            table.AddRow(
                new Text(y.Year.ToString(CultureInfo.InvariantCulture)),
                Cell(y.Baseline, y.BaselinePaths, band, signed: false),
                Cell(y.Scenario, y.ScenarioPaths, band, signed: false),
                Cell(y.Difference, y.DifferencePaths, band, signed: true),
                new Text(TableNumber.Percent(y.PercentDifference)));
        }
        if (series.Skipped.Length > 0)
        {
            table.Caption = new TableTitle(Markup.Escape("skipped: " + series.Skipped));
        }
        return table;
    }

    private static Markup Cell(double value, PathDistribution? paths, (int Low, int High)? band, bool signed)
    {
        string point = Markup.Escape(TableNumber.Format(value, signed));
        if (band is not { } b || paths is null || paths.Quantiles.Count <= Math.Max(b.Low, b.High))
        {
            return new Markup(point);
        }
        return new Markup($"{point}\n[dim]{Markup.Escape(TableNumber.Format(paths.Quantiles[b.Low], signed))}–{Markup.Escape(TableNumber.Format(paths.Quantiles[b.High], signed))}[/]");
    }

    private static IEnumerable<string> Distribution(PathDistribution? p, int columns) =>
        p is null
            ? Enumerable.Repeat(string.Empty, columns)
            : new[] { p.Mean, p.Sd }.Concat(p.Quantiles).Select(ResultWriter.Number);

    private static int Index(IReadOnlyList<double> quantiles, double p)
    {
        for (int i = 0; i < quantiles.Count; i++)
        {
            // 0.05 and 0.95 come back as sent; the tolerance only absorbs another rounding of the same decimal.
            if (Math.Abs(quantiles[i] - p) < 1e-9)
            {
                return i;
            }
        }
        return -1;
    }
}
