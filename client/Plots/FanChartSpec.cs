namespace TradeGrid.Cli.Plots;

/// <summary>
/// What a fan chart shows: the observed history and one or more projections (a forecast; or a scenario's baseline
/// and shocked paths, each in its own colour).
/// </summary>
internal sealed record FanChartSpec(string Title, string YLabel, FanLine? History, IReadOnlyList<FanSeries> Series);
