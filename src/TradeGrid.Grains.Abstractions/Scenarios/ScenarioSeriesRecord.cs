namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>
/// One economy's (or aggregate's) projection: the observed history, the deterministic baseline and scenario per
/// projected year, and with paths the distributions per year (empty arrays otherwise); or why it was skipped.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ScenarioSeriesRecord")]
public sealed record ScenarioSeriesRecord
{
    [Id(0)] public required string Economy { get; init; }
    [Id(1)] public bool Aggregate { get; init; }
    [Id(2)] public int Members { get; init; }
    [Id(3)] public required int[] HistoryYears { get; init; }
    [Id(4)] public required double[] HistoryValues { get; init; }
    [Id(5)] public required int[] Years { get; init; }
    [Id(6)] public required double[] Baseline { get; init; }
    [Id(7)] public required double[] Scenario { get; init; }
    [Id(8)] public YearDistribution[] BaselinePaths { get; init; } = [];
    [Id(9)] public YearDistribution[] ScenarioPaths { get; init; } = [];
    [Id(10)] public YearDistribution[] DifferencePaths { get; init; } = [];
    [Id(11)] public string Skipped { get; init; } = string.Empty;

    /// <summary>The methods that made each driver's baseline for this economy, e.g. "auto: ETS(A,A,N)" (economies only).</summary>
    [Id(12)] public string[] DriverMethods { get; init; } = [];

    /// <summary>
    /// Economies: the model's value on the observed drivers in past years without an observed dependent (what an
    /// aggregate's history counts for the economy in those years). Aggregates: empty.
    /// </summary>
    [Id(13)] public int[] ModelHistoryYears { get; init; } = [];
    [Id(14)] public double[] ModelHistoryValues { get; init; } = [];

    /// <summary>Aggregates: what the history is made of (observed values, model values standing in, the years).</summary>
    [Id(15)] public string HistoryNote { get; init; } = string.Empty;

    /// <summary>Bilateral models: the partner of this (reporter → partner) projection, whose reporter is <see cref="Economy"/>; empty otherwise.</summary>
    [Id(16)] public string Partner { get; init; } = string.Empty;

    /// <summary>The projection's name in messages: the economy, or reporter→partner.</summary>
    public string Unit => Partner.Length == 0 ? Economy : $"{Economy}→{Partner}";

    /// <summary>Every level divided by <paramref name="s"/> &gt; 0 (history, projections, and the paths' mean, SD and quantiles, which scale with it).</summary>
    public ScenarioSeriesRecord DividedBy(double s)
    {
        double[] Div(double[] v) => v.Select(x => x / s).ToArray();
        YearDistribution[] Dist(YearDistribution[] d) => d.Select(x => new YearDistribution(x.Mean / s, x.Sd / s, Div(x.Quantiles))).ToArray();
        return this with
        {
            HistoryValues = Div(HistoryValues),
            Baseline = Div(Baseline),
            Scenario = Div(Scenario),
            BaselinePaths = Dist(BaselinePaths),
            ScenarioPaths = Dist(ScenarioPaths),
            DifferencePaths = Dist(DifferencePaths),
        };
    }

    public static ScenarioSeriesRecord SkippedFor(string economy, string reason) =>
        new() { Economy = economy, HistoryYears = [], HistoryValues = [], Years = [], Baseline = [], Scenario = [], Skipped = reason };
}
