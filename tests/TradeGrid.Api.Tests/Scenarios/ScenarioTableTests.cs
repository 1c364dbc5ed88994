extern alias cli;
using System.Text.RegularExpressions;
using cli::TradeGrid.Api.V1;
using cli::TradeGrid.Cli.Commands.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace TradeGrid.Api.Tests.Scenarios;

/// <summary>The client's scenario table: 80 columns, numbers never split, in a terminal and when piped.</summary>
public sealed class ScenarioTableTests
{
    private static readonly double[] Quantiles = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

    // Magnitudes a scenario table meets: world totals in trillions, shares, tiny and negative differences, and the
    // edges of the format (999.96 rounds up to the next suffix; under 0.001 and from 1000T scientific), and the
    // exploding or missing quantiles a degenerate simulation gives.
    private static readonly double[] Magnitudes = [3.812e12, 999.96, 0.0523, -1.234e-5, -987654.3, 0, 1.0, 123.456, -0.00099, 4.4e15, -2.21e257, double.NaN, double.PositiveInfinity];

    private static PathDistribution Paths(double centre)
    {
        var d = new PathDistribution { Mean = centre, Sd = Math.Abs(centre) / 10 };
        d.Quantiles.Add(Quantiles.Select(p => centre * (0.8 + 0.4 * p) - (p - 0.5) * 1e-3));
        return d;
    }

    private static ScenarioResult Result(int paths)
    {
        var result = new ScenarioResult { Paths = paths, Seed = 7, Projected = 190, Skipped = 3, FirstYear = 2018, LastYear = 2018 + Magnitudes.Length - 1 };
        result.Quantiles.Add(Quantiles);
        foreach (string code in new[] { "RCEP", "WLD" })
        {
            var series = new ScenarioSeries { Economy = code, Aggregate = true, Members = code == "WLD" ? 190 : 15 };
            for (int i = 0; i < Magnitudes.Length; i++)
            {
                double b = Magnitudes[i];
                double s = b * 1.0123 - 1e-6;
                var year = new ScenarioYear { Year = 2018 + i, Baseline = b, Scenario = s, Difference = s - b, PercentDifference = i == 3 ? -12345.678 : 100 * (s / b - 1) };
                if (paths > 0)
                {
                    year.BaselinePaths = Paths(b);
                    year.ScenarioPaths = Paths(s);
                    year.DifferencePaths = Paths(s - b);
                }
                series.Years.Add(year);
            }
            result.Aggregates.Add(series);
        }
        return result;
    }

    private static string Render(ScenarioResult result, bool terminal)
    {
        var writer = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.TrueColor : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = 80;
        foreach (IRenderable table in ScenarioTable.Tables(result))
        {
            console.Write(table);
        }
        return writer.ToString();
    }

    [Theory]
    [InlineData(2000, true)]
    [InlineData(2000, false)]
    [InlineData(0, false)]
    public void Every_line_fits_80_columns_and_every_number_is_whole(int paths, bool terminal)
    {
        ScenarioResult result = Result(paths);

        string text = Render(result, terminal);

        string[] lines = Regex.Replace(text, "\u001b\\[[0-9;]*m", string.Empty).Split('\n');
        Assert.All(lines, line => Assert.True(line.TrimEnd('\r').Length <= 80, $"{line.Length} columns: {line}"));
        var cells = new List<string>();
        foreach (ScenarioYear y in result.Aggregates.SelectMany(a => a.Years))
        {
            cells.Add(TableNumber.Format(y.Baseline));
            cells.Add(TableNumber.Format(y.Difference, signed: true));
            cells.Add(TableNumber.Percent(y.PercentDifference));
            if (paths > 0)
            {
                cells.Add($"{TableNumber.Format(y.ScenarioPaths.Quantiles[0])}–{TableNumber.Format(y.ScenarioPaths.Quantiles[6])}");
                cells.Add($"{TableNumber.Format(y.DifferencePaths.Quantiles[0], signed: true)}–{TableNumber.Format(y.DifferencePaths.Quantiles[6], signed: true)}");
            }
        }
        string plain = string.Join("\n", lines);
        Assert.All(cells, cell => Assert.Contains(cell, plain, StringComparison.Ordinal));
        Assert.Equal(paths > 0, plain.Contains("5–95% of 2000 paths (seed 7)", StringComparison.Ordinal));
    }

    [Fact]
    public void Numbers_are_at_most_8_characters_from_1e_minus_300_to_1e300()
    {
        for (double magnitude = 1e-300; magnitude < 1e300; magnitude *= 1.37)
        {
            foreach (double v in new[] { magnitude, -magnitude, magnitude * 9.99951 })
            {
                Assert.True(TableNumber.Format(v, signed: true).Length <= 8, $"{v:R} → {TableNumber.Format(v, signed: true)}");
                Assert.True(TableNumber.Percent(v).Length <= 8, $"{v:R}% → {TableNumber.Percent(v)}");
            }
        }
    }

    [Theory]
    [InlineData(3.8123e12, false, "3.812T")]
    [InlineData(9999.6, false, "10k")]
    [InlineData(999.94, false, "999.9")]
    [InlineData(999.96, false, "1k")]
    [InlineData(1.37e-12, true, "+1.4E-12")]
    [InlineData(4.56e10, true, "+45.6G")]
    [InlineData(-0.0523, true, "-0.0523")]
    [InlineData(0.000123, false, "1.23E-4")]
    [InlineData(0, true, "0")]
    [InlineData(double.NaN, false, "NaN")]
    [InlineData(-2.21e257, true, "-2E+257")]
    [InlineData(4.418e28, false, "4.42E+28")]
    [InlineData(1.5e15, false, "1.5E+15")]
    public void Numbers_keep_four_digits_and_one_suffix(double value, bool signed, string expected) =>
        Assert.Equal(expected, TableNumber.Format(value, signed));
}
