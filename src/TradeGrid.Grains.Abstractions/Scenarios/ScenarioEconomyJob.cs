using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>
/// One economy's part of a scenario: the plan's model and switches with only this economy's given paths and shocks.
/// For a bilateral model, one (reporter, partner) pair's part, run in the reporter's grain: <see cref="Partner"/> and
/// the partner's own driver paths (<see cref="PartnerDrivers"/>, made in the partner's grain), the reporter's given
/// paths, and each shock reaching the pair through its side (a partner-side driver's shock when the partner is
/// targeted, a reporter-side one when the reporter is).
/// </summary>
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

    /// <summary>Bilateral: the pair's partner (empty: unilateral).</summary>
    [Id(13)] public string Partner { get; init; } = string.Empty;

    /// <summary>Bilateral: the partner's paths of the partner-side drivers (null: unilateral).</summary>
    [Id(14)] public ScenarioDriverPaths? PartnerDrivers { get; init; }

    /// <summary>
    /// Paths up to which the economy keeps every path and gives exact quantiles; beyond it, quantile sketches
    /// (<see cref="PathSummaries"/>). Set by the coordinator, which makes the aggregates' distributions the same way.
    /// </summary>
    [Id(15)] public int ExactPaths { get; init; } = PathSummaries.ExactPaths;

    /// <summary>The key under which a grain keeps this job's work: the job id, and the partner for a pair.</summary>
    public string WorkKey => Partner.Length == 0 ? JobId : $"{JobId}>{Partner}";

    public int Horizon => LastYear - FirstYear + 1;

    /// <summary>The job of one (reporter, partner) pair, with the partner's driver paths gathered from its grain.</summary>
    public static ScenarioEconomyJob ForPair(ScenarioPlan plan, string reporter, string partner, ScenarioDriverPaths partnerDrivers)
    {
        ScenarioModelRecord m = plan.Model;
        string Side(int driver) => m.IsPartnerDriver(driver) ? partner : reporter;
        return Of(plan, reporter) with
        {
            Given = plan.Given.Where(g => !m.IsPartnerDriver(g.Driver) && g.Economy == reporter).ToArray(),
            Shocks = plan.Shocks.Where(s => s.Targets.Any(t => t.Economy == Side(s.Driver)))
                .Select(s => s with { Targets = s.Targets.Where(t => t.Economy == Side(s.Driver)).ToArray() }).ToArray(),
            Partner = partner,
            PartnerDrivers = partnerDrivers,
        };
    }

    /// <summary>The job a partner's grain runs to make its partner-side drivers' paths (no shocks: they apply per pair).</summary>
    public static ScenarioEconomyJob ForPartner(ScenarioPlan plan, string partner) => Of(plan, partner) with
    {
        Given = plan.Given.Where(g => plan.Model.IsPartnerDriver(g.Driver) && g.Economy == partner).ToArray(),
        Shocks = [],
    };

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
