using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>An <see cref="AggregateSums"/>' running sums (path sums of one block of paths) and sketches, as a checkpoint stores them.</summary>
[GenerateSerializer, Alias("TradeGrid.AggregateSumsState")]
public sealed record AggregateSumsState
{
    [Id(0)] public required double[] Baseline { get; init; }
    [Id(1)] public required double[] Scenario { get; init; }
    [Id(2)] public required double[][] PathBaseline { get; init; }
    [Id(3)] public required double[][] PathScenario { get; init; }
    [Id(4)] public required int[] HistoryYears { get; init; }
    [Id(5)] public required double[] HistorySums { get; init; }
    [Id(6)] public required int[] HistoryCounts { get; init; }
    [Id(7)] public required string[] Added { get; init; }

    /// <summary>Per history year, how many member values were the model's (no observation that year).</summary>
    [Id(8)] public required int[] HistoryModelled { get; init; }

    /// <summary>Paths already folded into the distributions: <see cref="PathBaseline"/> and <see cref="PathScenario"/> hold the block from here.</summary>
    [Id(9)] public long BlockStart { get; init; }

    /// <summary>Beyond the exact limit: the sketches of the blocks folded so far (baseline years, scenario years, difference years); else null.</summary>
    [Id(10)] public QuantileSketchState[]? Sketches { get; init; }
}
