extern alias cli;
using cli::TradeGrid.Api.V1;
using cli::TradeGrid.Cli.Plots;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Scenarios;

/// <summary>The scenario fan chart without a server: which quantiles make which band, and both fans in the picture.</summary>
public sealed class ScenarioChartTests
{
    private static readonly double[] Quantiles = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

    private static PathDistribution Paths(double centre, double spread)
    {
        var d = new PathDistribution { Mean = centre };
        // Quantile i sits at centre + spread·(i − 3): distinct values that say which quantile went where.
        d.Quantiles.Add(Enumerable.Range(0, Quantiles.Length).Select(i => centre + spread * (i - 3)));
        return d;
    }

    private static (ScenarioResult Result, ScenarioSeries World) Result()
    {
        var result = new ScenarioResult { Paths = 2000, Seed = 7, FitId = "fit-1" };
        result.Quantiles.Add(Quantiles);
        var world = new ScenarioSeries { Economy = "WLD", Aggregate = true, Members = 190 };
        world.History.Add(Enumerable.Range(2000, 18).Select(y => new YearValue { Year = y, Value = 1000 + 50 * (y - 2000) }));
        for (int y = 2018; y <= 2030; y++)
        {
            double b = 1900 + 60 * (y - 2018);
            double s = b * (1 + 0.01 * (y - 2017));
            world.Years.Add(new ScenarioYear
            {
                Year = y, Baseline = b, Scenario = s, Difference = s - b,
                BaselinePaths = Paths(b, 10 * (y - 2017)),
                ScenarioPaths = Paths(s, 10 * (y - 2017)),
            });
        }
        result.Aggregates.Add(world);
        return (result, world);
    }

    [Fact]
    public void The_fans_open_from_the_last_observed_year_only_when_the_projection_starts_the_year_after()
    {
        (ScenarioResult result, ScenarioSeries world) = Result();
        FanChartSpec adjacent = ScenarioChart.Spec(result, world);
        // Data to 2017, projection from 2018: the fans open from 2017. Then data ending in 2012: a gap, no anchor.
        world.History.Clear();
        world.History.Add(Enumerable.Range(2000, 13).Select(y => new YearValue { Year = y, Value = 1000 + 50 * (y - 2000) }));
        FanChartSpec gap = ScenarioChart.Spec(result, world);

        Assert.Equal((2017, 1850.0), FanChart.Anchor(adjacent));
        Assert.Null(FanChart.Anchor(gap));
    }

    [Fact]
    public void A_value_too_long_for_the_axis_leaves_it_to_the_title()
    {
        (ScenarioResult result, ScenarioSeries world) = Result();
        result.Value = "BATIS_X_SF+BATIS_X_SG+BATIS_X_SH+BATIS_X_SI+BATIS_X_SJ+BATIS_X_SK";

        FanChartSpec spec = ScenarioChart.Spec(result, world);

        Assert.Equal("value (see the title)", spec.YLabel);
        Assert.Contains(result.Value, spec.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Bands_are_the_90_80_and_50_percent_quantile_pairs_around_the_median()
    {
        (ScenarioResult result, ScenarioSeries world) = Result();

        FanChartSpec spec = ScenarioChart.Spec(result, world);

        Assert.Equal(18, spec.History!.Years.Count);
        Assert.Equal(["baseline", "scenario"], spec.Series.Select(s => s.Name));
        FanSeries baseline = spec.Series[0];
        Assert.Equal(world.Years.Select(y => y.BaselinePaths.Quantiles[3]), baseline.Center.Values);
        Assert.Equal([90.0, 80.0, 50.0], baseline.Bands.Select(b => b.Level));
        (int lower, int upper)[] pairs = [(0, 6), (1, 5), (2, 4)];
        for (int i = 0; i < pairs.Length; i++)
        {
            Assert.Equal(world.Years.Select(y => y.BaselinePaths.Quantiles[pairs[i].lower]), baseline.Bands[i].Lower);
            Assert.Equal(world.Years.Select(y => y.BaselinePaths.Quantiles[pairs[i].upper]), baseline.Bands[i].Upper);
        }
        Assert.Equal(world.Years.Select(y => y.ScenarioPaths.Quantiles[3]), spec.Series[1].Center.Values);
    }

    [Fact]
    public void Without_paths_the_deterministic_projections_are_drawn_as_lines()
    {
        (ScenarioResult result, ScenarioSeries world) = Result();
        result.Paths = 0;
        foreach (ScenarioYear y in world.Years)
        {
            y.BaselinePaths = null;
            y.ScenarioPaths = null;
        }

        FanChartSpec spec = ScenarioChart.Spec(result, world);

        Assert.All(spec.Series, s => Assert.Empty(s.Bands));
        Assert.Equal(world.Years.Select(y => y.Scenario), spec.Series[1].Center.Values);
    }

    [Fact]
    public void The_picture_shows_the_baseline_in_blue_and_the_scenario_in_orange()
    {
        (ScenarioResult result, ScenarioSeries world) = Result();
        string file = Path.Combine(Directory.CreateTempSubdirectory("tradegrid-plot-").FullName, "fan.png");

        FanChart.SavePng(ScenarioChart.Spec(result, world), file);

        PngPicture png = PngPicture.Load(file);
        Assert.Equal((1000, 600), (png.Width, png.Height));
        int blue = png.Count(c => c.Blue > c.Red + 12 && c.Blue > c.Green);
        int orange = png.Count(c => c.Red > c.Blue + 40 && c.Red > 200 && c.Green > 100);
        Assert.True(blue > 3000, $"{blue} blue pixels: the baseline's bands are missing");
        Assert.True(orange > 3000, $"{orange} orange pixels: the scenario's bands are missing");
    }
}
