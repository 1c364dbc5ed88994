using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>
/// A validated, resolved scenario: the model, the drivers' baselines, the shocks with the economies they reach, the
/// projected economies (reporters, and partners for a bilateral model) and years, the aggregates, the Monte Carlo switches, and the request as protobuf JSON
/// (<see cref="SpecJson"/>, stored with the result). Everything a job needs to run on any silo.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ScenarioPlan")]
public sealed record ScenarioPlan
{
    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public required string SpecJson { get; init; }
    [Id(2)] public required ScenarioModelRecord Model { get; init; }
    [Id(3)] public required ScenarioDriverSource[] Sources { get; init; }
    [Id(4)] public required GivenPath[] Given { get; init; }
    [Id(5)] public required ScenarioShockRecord[] Shocks { get; init; }
    [Id(6)] public required string[] Economies { get; init; }
    [Id(7)] public required AggregateGroup[] Aggregates { get; init; }
    [Id(8)] public required int FirstYear { get; init; }
    [Id(9)] public required int LastYear { get; init; }
    [Id(10)] public required int Paths { get; init; }
    [Id(11)] public required ulong Seed { get; init; }
    [Id(12)] public required double[] Quantiles { get; init; }
    [Id(13)] public required bool CommonShocks { get; init; }
    [Id(14)] public required bool ResidualNoise { get; init; }
    [Id(15)] public required bool Bootstrap { get; init; }
    [Id(16)] public required bool Store { get; init; }
    [Id(17)] public required string Preset { get; init; }
    [Id(18)] public required FitOutcome Fit { get; init; }
    [Id(19)] public required string Correction { get; init; }
    [Id(20)] public required double CorrectionFactor { get; init; }

    /// <summary>The world share model with world_scaling: how WLD is scaled to the world (null: WLD is the sum).</summary>
    [Id(21)] public WorldScalingRecord? WorldScaling { get; init; }

    /// <summary>Bilateral models: the partners projected, sorted (each reporter of <see cref="Economies"/> to each); empty otherwise.</summary>
    [Id(22)] public string[] Partners { get; init; } = [];

    public int Horizon => LastYear - FirstYear + 1;

    /// <summary>
    /// What is projected, in order: each economy (unilateral), or each (reporter, partner) pair, reporters in code
    /// order and each reporter's partners in code order, a reporter's flow to itself left out (partner empty: unilateral).
    /// </summary>
    public (string Economy, string Partner)[] Units() => Partners.Length == 0
        ? Economies.Select(e => (e, string.Empty)).ToArray()
        : Economies.SelectMany(r => Partners.Where(p => p != r).Select(p => (r, p))).ToArray();
}
