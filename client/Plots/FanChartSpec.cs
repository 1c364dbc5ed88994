namespace TradeGrid.Cli.Plots;

/// <summary>
/// What a fan chart shows: the observed history and one or more projections (a forecast; or a scenario's baseline
/// and shocked paths, each in its own colour). <paramref name="Anchors"/> are the values the value axis is built
/// around (default: the history and the centre lines); see <see cref="AxisRange"/>.
/// </summary>
internal sealed record FanChartSpec(string Title, string YLabel, FanLine? History, IReadOnlyList<FanSeries> Series, IReadOnlyList<double>? Anchors = null);
