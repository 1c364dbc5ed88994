using SkiaSharp;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Forecasting;

/// <summary>`forecast … --plot FILE.png` run through the client's entry point against the shared server: the PNG it writes.</summary>
[Collection(ServerCollection.Name)]
public sealed class ForecastPlotTests(ServerFixture server)
{
    [Fact]
    public async Task Forecast_plot_writes_a_1000_by_600_png_with_the_history_and_the_fan_on_the_right()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("tradegrid-plot-").FullName, "usa.png");

        int exit = await ClientRunner.RunAsync("--server", server.GrpcAddress, "forecast", "USA", "rgdpna", "--method", "auto", "--h", "6", "--plot", file);

        Assert.Equal(0, exit);
        PngPicture png = PngPicture.Load(file);
        Assert.Equal((1000, 600), (png.Width, png.Height));
        // A blank or text-only picture has one colour or a few dozen grey levels; lines, bands and anti-aliased text make hundreds.
        Assert.True(png.DistinctColours > 100, $"{png.DistinctColours} distinct colours: the picture looks blank");
        Assert.True(png.DrawnShare > 0.03, $"only {png.DrawnShare:P1} of the pixels differ from the background");
        // 30 years of history then 6 forecast years: the fan fills the right part of the plot; on the left only the
        // legend's swatches are blue.
        int bandRight = png.Count(IsBand, fromX: 700);
        int bandLeft = png.Count(IsBand, toX: 700);
        Assert.True(bandRight > 5000, $"{bandRight} band pixels right of x=700: the intervals were not drawn where the forecast years are");
        Assert.True(bandRight > 3 * bandLeft, $"{bandRight} band pixels right of x=700 against {bandLeft} left of it");
        int dark = png.Count(c => c.Red < 80 && c.Green < 80 && c.Blue < 80);
        Assert.True(dark > 1000, $"{dark} dark pixels: no history line, axes or text");
    }

    [Fact]
    public async Task A_refused_forecast_writes_no_png()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("tradegrid-plot-").FullName, "none.png");

        int exit = await ClientRunner.RunAsync("--server", server.GrpcAddress, "forecast", "USA", "rgdpna", "--method", "no-such-method", "--plot", file);

        Assert.Equal(2, exit); // InvalidArgument
        Assert.False(File.Exists(file));
    }

    // The bands are #1f77b4 (blue) at 18–45 % opacity on white: clearly bluer than red, unlike the grey text and grid.
    private static bool IsBand(SKColor c) => c.Blue > 150 && c.Blue > c.Red + 12 && c.Blue > c.Green;
}
