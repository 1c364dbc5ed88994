using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Extrapolation;
using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// A scenario request as the gateway validated it against the catalogue (codes exist, groups resolved to memberships,
/// numbers in range). Exactly one model source: <see cref="FitId"/>, <see cref="Design"/> (an inline fit) or
/// <see cref="World"/> (the world share model). Checks that need the model or the data (a shock's indicator among
/// the drivers, the years against the data's last year) are the coordinator's.
/// </summary>
public sealed record ScenarioRequestSpec
{
    public string FitId { get; init; } = string.Empty;
    public DesignSpec? Design { get; init; }
    public WorldSpec? World { get; init; }
    public required int TargetYear { get; init; }
    public required IReadOnlyList<ScenarioSourceRequest> Sources { get; init; }
    public required IReadOnlyList<ScenarioShockRequest> Shocks { get; init; }
    public required string[] Economies { get; init; }
    public required AggregateGroup[] Groups { get; init; }
    public required int Paths { get; init; }
    public required ulong Seed { get; init; }
    public required double[] Quantiles { get; init; }
    public required bool CommonShocks { get; init; }
    public required bool ResidualNoise { get; init; }
    public required bool Bootstrap { get; init; }
    public required bool Store { get; init; }
    public required BiasCorrection Correction { get; init; }
    public required bool ForbidRefit { get; init; }
    public required string Preset { get; init; }
    public required string SpecJson { get; init; }
    public required int MaxRows { get; init; }

    /// <summary>The economies the request named itself (not through groups): a bilateral model's partners to project.</summary>
    public string[] NamedEconomies { get; init; } = [];

    /// <summary>The world share model: scale WLD to the world (ITC Box 2).</summary>
    public bool WorldScaling { get; init; }
}

/// <summary>A driver's baseline as asked: field is the request's path to it (for messages); paths by economy.</summary>
public sealed record ScenarioSourceRequest(string Field, string Indicator, int Kind, string Method, IReadOnlyList<GivenPath> Paths);

/// <summary>A shock as asked, its targets resolved; field is the request's path to it (for messages).</summary>
public sealed record ScenarioShockRequest(string Field, string Indicator, ScenarioShockRecord Shock);
