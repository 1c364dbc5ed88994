namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>
/// One chunk of an economy's Monte Carlo paths by year, [year][path − PathStart] (<see cref="TradeGrid.Numerics.Scenarios.PathColumns"/>:
/// a year no shock reaches has one array for baseline and scenario), for the coordinator's group sums;
/// after the last chunk, <see cref="Summary"/> carries the economy's own distributions (exact, over all its paths).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ScenarioPathBlock")]
public sealed record ScenarioPathBlock
{
    [Id(0)] public required string Economy { get; init; }
    [Id(1)] public required long PathStart { get; init; }
    [Id(2)] public required int Count { get; init; }
    [Id(3)] public required double[][] Baseline { get; init; }
    [Id(4)] public required double[][] Scenario { get; init; }
    [Id(5)] public ScenarioSeriesRecord? Summary { get; init; }

    /// <summary>Bilateral models: the partner of the (reporter = <see cref="Economy"/>) pair; empty otherwise.</summary>
    [Id(6)] public string Partner { get; init; } = string.Empty;
}
