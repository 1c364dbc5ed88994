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

    public static ScenarioSeriesRecord SkippedFor(string economy, string reason) =>
        new() { Economy = economy, HistoryYears = [], HistoryValues = [], Years = [], Baseline = [], Scenario = [], Skipped = reason };
}
