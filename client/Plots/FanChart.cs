using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace TradeGrid.Cli.Plots;

/// <summary>
/// Draws a fan chart with ScottPlot 5 (rendered headless through SkiaSharp): the history as a black line, each
/// projection as nested translucent bands in the projection's colour (the widest palest) with its centre line on
/// top of every band. Each projection starts at the last observed point, when that is the year before it, so that the fan
/// opens from the data.
/// </summary>
internal static class FanChart
{
    public const int DefaultWidth = 1000;
    public const int DefaultHeight = 600;

    // One hue per projection (baseline, then scenario): blue and orange stay apart for the common colour blindnesses.
    private static readonly Color[] Hues = [Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), Color.FromHex("#9467bd")];

    public static byte[] RenderPng(FanChartSpec spec, int width = DefaultWidth, int height = DefaultHeight)
    {
        using Plot plot = Build(spec, width);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    public static void SavePng(FanChartSpec spec, string path, int width = DefaultWidth, int height = DefaultHeight) =>
        File.WriteAllBytes(path, RenderPng(spec, width, height));

    private static Plot Build(FanChartSpec spec, int width)
    {
        ChartFonts.Register();
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        // The font shrinks for a long title line so that it stays inside the picture (about 0.6 em per character).
        float titleSize = (float)Math.Clamp(0.95 * width / (0.6 * spec.Title.Split('\n').Max(l => l.Length)), 11, 18);
        plot.Title(spec.Title, size: titleSize);
        plot.XLabel("Year", size: 15);
        plot.YLabel(spec.YLabel, size: 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = year => year.ToString("0", CultureInfo.InvariantCulture),
        };
        AxisRange range = AxisRange.Of(spec);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = AxisNumber.Formatter(Math.Max(Math.Abs(range.Low), Math.Abs(range.High))) };

        // History first: the legend lists plottables in the order they were added.
        if (spec.History is { Years.Count: > 0 } history)
        {
            var line = plot.Add.Scatter(history.Years.Select(y => (double)y).ToArray(), history.Values.ToArray(), Colors.Black);
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = history.Label;
        }

        (int Year, double Value)? anchor = Anchor(spec);
        // Every band before any centre line: a second fan's bands never hide the first one's median.
        for (int s = 0; s < spec.Series.Count; s++)
        {
            AddBands(plot, spec.Series[s], Hues[s % Hues.Length], anchor, range);
        }
        for (int s = 0; s < spec.Series.Count; s++)
        {
            AddCenter(plot, spec.Series[s], Hues[s % Hues.Length], anchor, range);
        }

        if (range.Cut)
        {
            double pad = 0.05 * Math.Max(range.High - range.Low, Math.Abs(range.High) * 0.01);
            plot.Axes.SetLimitsY(range.Low - pad, range.High + pad);
            var note = plot.Add.Annotation("some values lie far beyond the axis (exploding or missing quantiles): see the table", Alignment.LowerRight);
            note.LabelFontSize = 13;
        }

        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.FontSize = 13;
        return plot;
    }

    /// <summary>
    /// Where the fans open: the last observed point when the projection starts the year after it; none across a gap of
    /// unprojected years (data that ends before the drivers do), where a straight band would draw years nothing computed.
    /// </summary>
    public static (int Year, double Value)? Anchor(FanChartSpec spec)
    {
        int? firstProjected = spec.Series.Where(s => s.Center.Years.Count > 0).Select(s => (int?)s.Center.Years[0]).FirstOrDefault();
        return spec.History is { Years.Count: > 0 } h && h.Years[^1] + 1 == firstProjected ? (h.Years[^1], h.Values[^1]) : null;
    }

    private static void AddBands(Plot plot, FanSeries series, Color hue, (int Year, double Value)? anchor, AxisRange range)
    {
        // Widest first, so that narrower (darker) bands are drawn on top.
        FanBand[] bands = series.Bands.OrderByDescending(b => b.Level).ToArray();
        for (int i = 0; i < bands.Length; i++)
        {
            FanBand band = bands[i];
            (double[] xs, double[] lower) = Anchored(band.Years, band.Lower.Select(range.Clamp).ToArray(), anchor);
            (_, double[] upper) = Anchored(band.Years, band.Upper.Select(range.Clamp).ToArray(), anchor);
            var fill = plot.Add.FillY(xs, lower, upper);
            // Alpha from 0.18 (widest) to about 0.45 (narrowest): nested bands read as a gradient.
            fill.FillColor = hue.WithAlpha(0.18 + 0.27 * (i + 1) / bands.Length);
            fill.LineWidth = 0;
            fill.LegendText = $"{series.Name} {band.Level.ToString("0.##", CultureInfo.InvariantCulture)}%";
        }
    }

    private static void AddCenter(Plot plot, FanSeries series, Color hue, (int Year, double Value)? anchor, AxisRange range)
    {
        (double[] cx, double[] cy) = Anchored(series.Center.Years, series.Center.Values.Select(range.Clamp).ToArray(), anchor);
        var center = plot.Add.Scatter(cx, cy, hue);
        center.LineWidth = 2.5f;
        center.MarkerSize = 5;
        center.LegendText = series.Center.Label;
    }

    private static (double[] Xs, double[] Ys) Anchored(IReadOnlyList<int> years, IReadOnlyList<double> values, (int Year, double Value)? anchor)
    {
        bool prepend = anchor is { } a && years.Count > 0 && a.Year < years[0];
        var xs = new List<double>(years.Count + 1);
        var ys = new List<double>(years.Count + 1);
        if (prepend)
        {
            xs.Add(anchor!.Value.Year); // prepend implies anchor is set
            ys.Add(anchor.Value.Value);
        }
        xs.AddRange(years.Select(y => (double)y));
        ys.AddRange(values);
        return (xs.ToArray(), ys.ToArray());
    }
}
