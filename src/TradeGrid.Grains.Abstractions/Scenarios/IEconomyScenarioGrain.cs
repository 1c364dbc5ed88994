using Orleans.Concurrency;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>
/// Scenarios on the economy grain (same key): the economy forecasts its own drivers, projects its own baseline and
/// scenario, and simulates its own Monte Carlo paths in chunks; only its projection and its paths' values leave it.
/// For a bilateral model the reporter's grain projects each of its pairs (a job per pair) and a partner's grain makes
/// its partner-side drivers' paths; grains never call each other: the coordinator carries the paths.
/// </summary>
[Alias("TradeGrid.IEconomyScenarioGrain")]
public interface IEconomyScenarioGrain : IGrainWithStringKey
{
    /// <summary>The last year in which this economy has a value of one of the indicators (0: none).</summary>
    [Alias("LastDataYear")]
    ValueTask<int> LastDataYear(string[] indicators, CancellationToken cancellationToken = default);

    /// <summary>
    /// The partners to which this (reporter) economy has the dependent <paramref name="indicator"/> (a code or a sum of
    /// codes joined by '+': partners with every part), sorted: a bilateral scenario's default partners.
    /// </summary>
    [Alias("DependentPartners")]
    ValueTask<string[]> DependentPartners(string indicator, CancellationToken cancellationToken = default);

    /// <summary>
    /// This economy's paths of the job's partner-side drivers (a bilateral model: this economy is a partner), forecast
    /// here as any driver is, or the reason they cannot be made.
    /// </summary>
    [Alias("DriverPaths")]
    ValueTask<ScenarioDriverPaths> DriverPaths(ScenarioEconomyJob job, CancellationToken cancellationToken = default);

    /// <summary>
    /// One round of a PPML fit's year effects (<see cref="PoissonYearEffects"/>): this economy's Σ y and Σ exp(x'b + α_i)
    /// per sample year (<paramref name="request"/>'s years) over its rows of the fit, at the fitted slopes; with economy
    /// effects α_i is its own effect at the round's <paramref name="lambda"/>, else 0. Null when it has no rows.
    /// </summary>
    [Alias("PoissonYearRound")]
    ValueTask<PoissonYearSums?> PoissonYearRound(BlockRequest request, double[] slopes, double[] lambda, CancellationToken cancellationToken = default);

    /// <summary>The deterministic projection (baseline, scenario, history), or the reason it cannot be made.</summary>
    [Alias("Project")]
    ValueTask<ScenarioSeriesRecord> Project(ScenarioEconomyJob job, CancellationToken cancellationToken = default);

    /// <summary>
    /// Paths [pathStart, pathStart + count) of the job, called in path order. The grain adds them to its own
    /// distributions (every path up to the job's exact limit, else quantile sketches) until the last chunk
    /// (<paramref name="last"/>), whose block then carries the economy's distributions; what it kept is then released.
    /// The block carries the paths' values only when <paramref name="withPaths"/> (the coordinator's aggregates need them).
    /// </summary>
    [Alias("Simulate")]
    ValueTask<Immutable<ScenarioPathBlock>> Simulate(ScenarioEconomyJob job, long pathStart, int count, bool last, bool withPaths, CancellationToken cancellationToken = default);

    /// <summary>
    /// Paths [pathStart, pathStart + count) of the job again, for the aggregates' later path blocks (a job beyond its
    /// exact limit): the same numbers as <see cref="Simulate"/> made, and nothing kept but the job's inputs.
    /// </summary>
    [Alias("SimulateAgain")]
    ValueTask<Immutable<ScenarioPathBlock>> SimulateAgain(ScenarioEconomyJob job, long pathStart, int count, CancellationToken cancellationToken = default);

    /// <summary>Drops what the grain keeps for a job (after a cancel or failure).</summary>
    [Alias("Release")]
    ValueTask Release(string jobId, CancellationToken cancellationToken = default);
}
