namespace TradeGrid.Cli.Plots;

/// <summary>A line over years: the history, or a forecast's point or median path.</summary>
internal sealed record FanLine(string Label, IReadOnlyList<int> Years, IReadOnlyList<double> Values);
