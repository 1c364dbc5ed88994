extern alias cli;
using cli::TradeGrid.Api.V1;
using cli::TradeGrid.Cli.Plots;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Plots;

/// <summary>The client's fan chart without a server: what a forecast maps to, the axis labels, and the picture's size.</summary>
public sealed class FanChartTests
{
    private static SeriesForecast Forecast()
    {
        var f = new SeriesForecast { Economy = "USA", Indicator = "rgdpna", Method = "ets", Model = "ETS(A,A,N)", FirstYear = 2000, OriginYear = 2010 };
        f.Levels.Add([80, 95]);
        for (int h = 1; h <= 3; h++)
        {
            var point = new ForecastPoint { Year = 2010 + h, Value = 100 + h };
            point.Intervals.Add(new ForecastInterval { Level = 80, Lower = 100 + h - h, Upper = 100 + h + h });
            point.Intervals.Add(new ForecastInterval { Level = 95, Lower = 100 + h - 2 * h, Upper = 100 + h + 2 * h });
            f.Points.Add(point);
        }
        return f;
    }

    private static Series History()
    {
        var s = new Series { Economy = "USA", Indicator = "rgdpna", Unit = "mil. 2011US$" };
        // 2011 is a stored forecast value after the origin: the chart's history stops at the origin.
        s.Observations.Add(Enumerable.Range(2005, 7).Select(y => new Observation { Year = y, Value = 90 + y - 2005 }));
        return s;
    }

    [Fact]
    public void A_forecast_maps_to_one_band_per_level_and_history_up_to_the_origin()
    {
        FanChartSpec spec = ForecastChart.Spec(Forecast(), History());

        Assert.Equal(Enumerable.Range(2005, 6), spec.History!.Years);
        FanSeries fan = Assert.Single(spec.Series);
        Assert.Equal([101.0, 102.0, 103.0], fan.Center.Values);
        Assert.Equal([80.0, 95.0], fan.Bands.Select(b => b.Level));
        Assert.Equal([101.0 - 2, 102.0 - 4, 103.0 - 6], fan.Bands[1].Lower);
        Assert.Equal([101.0 + 2, 102.0 + 4, 103.0 + 6], fan.Bands[1].Upper);
        Assert.Contains("USA rgdpna", spec.Title, StringComparison.Ordinal);
        Assert.Contains("ETS(A,A,N)", spec.Title, StringComparison.Ordinal);
        Assert.Equal("rgdpna (mil. 2011US$)", spec.YLabel);
    }

    [Fact]
    public void The_chart_font_is_installed()
    {
        // Without it ScottPlot falls back to SkiaSharp's default typeface, which without fontconfig may draw no
        // glyphs: no title, axis labels or legend. .ci/run installs fonts-dejavu-core.
        Assert.True(ChartFonts.Register(), "DejaVu Sans is not installed (Debian: apt-get install fonts-dejavu-core)");
    }

    [Theory]
    [InlineData(2.2e7, 9e6, "9M")]
    [InlineData(2.2e7, 1.75e7, "17.5M")]
    [InlineData(1600, 1450, "1450")]
    [InlineData(3.1e12, 2.5e11, "250G")]
    [InlineData(0.9, 0.125, "0.125")]
    public void Axis_labels_share_one_suffix_chosen_by_the_largest_value(double largest, double tick, string expected) =>
        Assert.Equal(expected, AxisNumber.Formatter(largest)(tick));

    [Fact]
    public void The_picture_has_the_requested_size()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("tradegrid-plot-").FullName, "small.png");

        FanChart.SavePng(ForecastChart.Spec(Forecast(), History()), file, 640, 400);

        PngPicture png = PngPicture.Load(file);
        Assert.Equal((640, 400), (png.Width, png.Height));
        Assert.True(png.DistinctColours > 100, $"{png.DistinctColours} distinct colours: the picture looks blank");
    }
}
