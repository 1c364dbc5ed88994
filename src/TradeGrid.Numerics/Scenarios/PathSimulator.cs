using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// Monte Carlo paths of one economy. Path p draws, each from its own counter-based stream:
/// the coefficients β_p ~ N(β, V) (<see cref="CoefficientSampler"/>; stream (seed, coefficients, p), the same draw for
/// every economy, so group sums carry the coefficients' correlation); each driver's forecast error
/// (<see cref="DriverErrorModel"/>; stream (seed, drivers, economy, p), or (seed, drivers, 0, p) shared by every economy
/// with common shocks); with residual noise, ε_h ~ N(0, σ²) on the link scale (stream (seed, residuals, economy, p)).
/// Baseline and scenario share every draw (common random numbers), so their difference carries only the shock's effect
/// under each draw. The shock applies to the simulated driver. Drivers with a log transform, and the weight, are positive: they
/// take their error as a log-normal with mean x and the same variance, x·exp(s·e/sd − s²/2), s² = ln(1 + sd²/x²). Without residual noise a path is the
/// conditional mean (<see cref="Predictor.Point"/>, bias-corrected); with it, the inverse link of x'b + ε.
/// A path's numbers depend on (seed, economy, path) only: never on the chunk, thread or silo that computed them.
/// Paths go four at a time, one per vector lane (<see cref="LaneStreams"/>: each lane steps its own path's streams), with
/// what does not depend on the path worked out once per economy (<see cref="PathPlan"/>); a block that runs past the
/// last path asked computes the lanes beyond it and drops them, so a path's bytes never depend on its neighbours.
/// </summary>
public static class PathSimulator
{
    /// <summary>
    /// Paths [pathStart, pathStart + count) in columns of their own, the years no shock reaches sharing the baseline's
    /// array. factor is <see cref="CoefficientSampler.Factor"/> of the model's covariance.
    /// </summary>
    public static PathColumns Simulate(ScenarioModel model, double[] factor, EconomyScenarioInput input, SimulationOptions options, long pathStart, int count)
    {
        model.Validate();
        var block = new PathBlock(model, factor, input, options);
        PathColumns into = PathColumns.Uninitialised(input.Horizon, count, block.Shocked);
        Run(block, pathStart, count, into, 0);
        return into;
    }

    /// <summary>
    /// Paths [pathStart, pathStart + count) into the caller's columns from index <paramref name="at"/>; a year whose
    /// scenario column is its baseline's must be one no shock reaches.
    /// </summary>
    public static void Simulate(ScenarioModel model, double[] factor, EconomyScenarioInput input, SimulationOptions options,
        long pathStart, int count, PathColumns into, int at = 0)
    {
        model.Validate();
        int horizon = input.Horizon;
        if (into.Years != horizon || into.Scenario.Length != horizon || at < 0
            || into.Baseline.Any(c => c.Length < at + count) || into.Scenario.Any(c => c.Length < at + count))
        {
            throw new ArgumentException($"Columns of {into.Years} years and {into.Paths} paths for paths {at}…{at + count} of {horizon} years.");
        }

        var block = new PathBlock(model, factor, input, options);
        for (int h = 0; h < horizon; h++)
        {
            if (into.Aliased(h) && block.Shocked(h))
            {
                throw new ArgumentException($"Year {input.Years[h]} is shocked: its scenario needs a column of its own.");
            }
        }

        Run(block, pathStart, count, into, at);
    }

    private static void Run(PathBlock block, long pathStart, int count, PathColumns into, int at)
    {
        for (int p = 0; p < count; p += LaneStreams.Lanes)
        {
            block.Run(pathStart + p, Math.Min(LaneStreams.Lanes, count - p), into, at + p);
        }
    }
}
