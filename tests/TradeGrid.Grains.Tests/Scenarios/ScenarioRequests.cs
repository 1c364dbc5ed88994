using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Tests.Scenarios;

/// <summary>The scenario requests the grain tests send: percent shocks, and the options every such request fixes the same way.</summary>
internal static class ScenarioRequests
{
    /// <summary>A percent shock on the shocked driver from a year (0: the first year of the scenario), on these economies.</summary>
    public static ScenarioShockRecord Percent(double percent, int start, IEnumerable<string> targets) => new()
    {
        Driver = -1,
        Kind = (int)ShockKind.Percent,
        Value = percent,
        StartYear = start,
        FullYear = 0,
        PhaseIn = (int)PhaseIn.Immediate,
        PerYear = false,
        PathYears = [],
        PathValues = [],
        Targets = targets.Select(c => new YearSpan(c, 0, 0)).ToArray(),
    };

    /// <summary>A request with the given sources, shocks, groups and draws; no common shocks, no bootstrap, nothing stored, smearing.</summary>
    public static ScenarioRequestSpec Spec(
        string fitId, int targetYear, ScenarioSourceRequest[] sources, ScenarioShockRequest[] shocks, AggregateGroup[] groups,
        int paths, ulong seed, double[] quantiles, bool residualNoise) => new()
        {
            FitId = fitId,
            TargetYear = targetYear,
            Sources = sources,
            Shocks = shocks,
            Economies = [],
            Groups = groups,
            Paths = paths,
            Seed = seed,
            Quantiles = quantiles,
            CommonShocks = false,
            ResidualNoise = residualNoise,
            Bootstrap = false,
            Store = false,
            Correction = BiasCorrection.Smearing,
            ForbidRefit = false,
            Preset = string.Empty,
            SpecJson = "{}",
            MaxRows = 1_000_000,
        };
}
