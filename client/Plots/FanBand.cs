namespace TradeGrid.Cli.Plots;

/// <summary>An interval over years at one coverage (<paramref name="Level"/> in percent, e.g. 80 or 95).</summary>
internal sealed record FanBand(double Level, IReadOnlyList<int> Years, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper);
