using TradeGrid.Grains.Abstractions.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// Where a scenario job stands after its last whole wave, or (beyond the exact limit, once every economy is done) its
/// last whole block of paths for the aggregates: the economies' results so far and the aggregates' running sums and
/// sketches. A job resumed from it runs the remaining waves or blocks only and, as economies are added in code order and the path
/// streams are counter-based, ends bit-identical to a run that was never interrupted.
/// </summary>
[GenerateSerializer, Alias("TradeGrid.ScenarioCheckpoint")]
public sealed record ScenarioCheckpoint
{
    /// <summary>Waves of <see cref="ScenarioCoordinator.Wave"/> economies completed.</summary>
    [Id(0)] public required int Waves { get; init; }
    [Id(1)] public required ScenarioSeriesRecord[] Results { get; init; }
    [Id(2)] public required AggregateSumsState[] Aggregates { get; init; }
    [Id(3)] public required int Skipped { get; init; }
    [Id(4)] public required string[] Methods { get; init; }

    /// <summary>Blocks of paths folded into the aggregates' distributions (0 until every wave is done).</summary>
    [Id(5)] public int Blocks { get; init; }
}
