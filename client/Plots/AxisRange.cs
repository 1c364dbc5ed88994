namespace TradeGrid.Cli.Plots;

/// <summary>
/// The value axis of a fan chart. It spans the anchors (<see cref="FanChartSpec.Anchors"/>: the history and the
/// deterministic or point projections) and stretches for the bands and lines, but not without bound: a simulation
/// whose quantiles explode, or NaN, would squash everything else into one flat line. Values beyond the anchors'
/// range widened by <see cref="Reach"/> times its width are left outside the axis, and the chart says so.
/// </summary>
internal sealed record AxisRange(double Low, double High, bool Cut)
{
    private const double Reach = 3.0;

    public static AxisRange Of(FanChartSpec spec)
    {
        double[] lines = spec.Series.SelectMany(s => s.Center.Values).Concat(spec.History?.Values ?? []).ToArray();
        double[] bands = spec.Series.SelectMany(s => s.Bands.SelectMany(b => b.Lower.Concat(b.Upper))).ToArray();
        double[] anchors = (spec.Anchors ?? lines).Where(double.IsFinite).ToArray();
        if (anchors.Length == 0)
        {
            return new AxisRange(0, 1, lines.Length + bands.Length > 0);
        }

        double low = anchors.Min();
        double high = anchors.Max();
        // The reach is measured from the anchors' spread or a quarter of their size, whichever is larger: flat
        // projections (a spread of a few percent) must still show bands tens of percent wide, while quantiles that
        // explode (many times the level) or NaN stay outside. A zero level still gets a width of 1.
        double size = Math.Max(Math.Abs(high), Math.Abs(low));
        double width = Math.Max(high - low, size > 0 ? size * 0.25 : 1.0);
        double floor = low - Reach * width;
        double ceiling = high + Reach * width;
        bool cut = false;
        foreach (double v in lines.Concat(bands))
        {
            if (!double.IsFinite(v) || v < floor || v > ceiling)
            {
                cut = true;
                continue;
            }
            low = Math.Min(low, v);
            high = Math.Max(high, v);
        }
        return new AxisRange(low, high, cut);
    }

    /// <summary>A value the renderer can draw: NaN and values far outside the axis are moved just past its edge.</summary>
    public double Clamp(double value)
    {
        double margin = Math.Max(High - Low, 1e-300);
        return double.IsNaN(value) ? High + margin : Math.Clamp(value, Low - margin, High + margin);
    }
}
