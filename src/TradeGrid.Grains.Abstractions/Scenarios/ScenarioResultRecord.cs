using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>A completed scenario: what was asked (the plan, its request as JSON), the fit and data versions used, the seed, and every series.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ScenarioResultRecord")]
public sealed record ScenarioResultRecord
{
    [Id(0)] public required ScenarioPlan Plan { get; init; }
    [Id(1)] public required ScenarioSeriesRecord[] Economies { get; init; }
    [Id(2)] public required ScenarioSeriesRecord[] Aggregates { get; init; }
    [Id(3)] public required EconomyVersion[] Versions { get; init; }
    [Id(4)] public required string[] DriverMethods { get; init; }

    /// <summary>The scaling WLD was divided by (null: WLD is the sum of the projected economies).</summary>
    [Id(5)] public WorldScalingRecord? WorldScaling { get; init; }
}
