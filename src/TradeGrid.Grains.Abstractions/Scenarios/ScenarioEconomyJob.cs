namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>One economy's part of a scenario: the plan's model and switches with only this economy's given paths and shocks.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ScenarioEconomyJob")]
public sealed record ScenarioEconomyJob
{
    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public required ScenarioModelRecord Model { get; init; }
    [Id(2)] public required ScenarioDriverSource[] Sources { get; init; }
    [Id(3)] public required GivenPath[] Given { get; init; }
    [Id(4)] public required ScenarioShockRecord[] Shocks { get; init; }
    [Id(5)] public required int FirstYear { get; init; }
    [Id(6)] public required int LastYear { get; init; }
    [Id(7)] public required int Paths { get; init; }
    [Id(8)] public required ulong Seed { get; init; }
    [Id(9)] public required double[] Quantiles { get; init; }
    [Id(10)] public required bool CommonShocks { get; init; }
    [Id(11)] public required bool ResidualNoise { get; init; }
    [Id(12)] public required bool Bootstrap { get; init; }

    public int Horizon => LastYear - FirstYear + 1;

    /// <summary>The job of one economy: the plan with that economy's given paths and the shocks that reach it.</summary>
    public static ScenarioEconomyJob Of(ScenarioPlan plan, string economy) => new()
    {
        JobId = plan.JobId,
        Model = plan.Model,
        Sources = plan.Sources,
        Given = plan.Given.Where(g => g.Economy == economy).ToArray(),
        Shocks = plan.Shocks.Where(s => s.Targets.Any(t => t.Economy == economy))
            .Select(s => s with { Targets = s.Targets.Where(t => t.Economy == economy).ToArray() }).ToArray(),
        FirstYear = plan.FirstYear,
        LastYear = plan.LastYear,
        Paths = plan.Paths,
        Seed = plan.Seed,
        Quantiles = plan.Quantiles,
        CommonShocks = plan.CommonShocks,
        ResidualNoise = plan.ResidualNoise,
        Bootstrap = plan.Bootstrap,
    };
}
