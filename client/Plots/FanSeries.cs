namespace TradeGrid.Cli.Plots;

/// <summary>One projection drawn as a fan: its centre line and its bands (any order; the widest is drawn palest).</summary>
internal sealed record FanSeries(string Name, FanLine Center, IReadOnlyList<FanBand> Bands);
