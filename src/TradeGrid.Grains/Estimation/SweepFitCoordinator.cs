using Microsoft.Extensions.Logging;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Absorption;
using TradeGrid.Numerics.Absorption.Sweeps;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// The coordinator's side of a model absorbed in the grains (<see cref="DesignSpec.AbsorbInGrains"/>): every economy
/// builds its block from its own rows (<see cref="SweepRows"/>), one set local to the reporters (pair, else
/// reporter^year, else reporter) is eliminated inside each block by the within transformation, and
/// <see cref="SweepFit"/> gathers per-group sums over the economies for everything else (the sets that span them:
/// partner, partner^year, year, sympair). No row leaves its economy; the answer is the gathered fit's to the
/// projections' tolerance (docs/estimation-service.md).
/// </summary>
internal static class SweepFitCoordinator
{
    public static async Task<FitStatistics> RunAsync(IEconomyEstimateGrain[] economies, BlockRequest request, ILogger logger, CancellationToken cancellationToken)
    {
        DesignSpec spec = request.Spec;
        string[] codes = spec.Economies.Concat(spec.Partners).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        string[] clusters = spec.Covariance.IsCluster() ? (spec.ClusterBy.Length == 0 ? ["reporter"] : spec.ClusterBy) : [];
        bool intercept = spec.EffectSets.Length == 0 && spec.AddIntercept;
        var setup = new SweepSetup
        {
            Session = Guid.NewGuid().ToString("N"),
            Economies = codes,
            FirstYear = request.Years.Length == 0 ? 0 : request.Years.Min(),
            Years = request.Years.Length == 0 ? 1 : request.Years.Max() - request.Years.Min() + 1,
            Sets = spec.EffectSets,
            Eliminated = Eliminated(spec.EffectSets),
            Clusters = clusters,
            Terms = spec.Terms,
            Intercept = intercept,
        };
        bool[] prepared = await Task.WhenAll(economies.Select(e => e.SweepPrepare(request, setup, cancellationToken).AsTask()));
        IEconomyEstimateGrain[] blocks = economies.Where((_, b) => prepared[b]).ToArray();
        try
        {
            string[] names = (spec.Terms.Length > 0 ? spec.Terms.Select(t => t.Name) : spec.Regressors.Select(r => r.Name)).ToArray();
            names = intercept ? ["(Intercept)", .. names] : names;
            var options = new AbsorbedOptions(
                spec.Covariance.ToNumerics(), null, spec.ConfidenceLevel, spec.DropCollinear, DropSingletons: !spec.KeepSingletons, Intercept: spec.AddIntercept);
            var model = new SweepModel(names, spec.EffectSets, setup.Eliminated, clusters, options);
            var gathers = new GrainSweepBlocks(blocks, setup.Session);
            SweepFitResult result = spec.Estimator == EstimatorKind.Ppml
                ? await SweepFit.PpmlAsync(gathers, model, cancellationToken)
                : await SweepFit.OlsAsync(gathers, model, cancellationToken);
            logger.LogInformation(
                "Absorbed in {Blocks} economy grains: {Gathers} gathers, {Projection} CG iterations at most per projection",
                blocks.Length, gathers.Gathers, result.Fit.ProjectionIterations);
            return FitStatistics.From(result.Fit, result.SingletonExample, result.SeparatedExample);
        }
        finally
        {
            await Task.WhenAll(blocks.Select(b => b.SweepRelease(setup.Session).AsTask()));
        }
    }

    /// <summary>
    /// The set eliminated in the blocks: one local to a reporter (its every group within one economy), the one with the
    /// most groups likely: pair, else reporter^year (or another product with reporter), else reporter; −1 when every
    /// set spans economies. pair^year is never eliminated (a group a row: it would absorb the rows).
    /// </summary>
    internal static int Eliminated(string[] sets)
    {
        static bool Local(string set) => set.Split('^').Any(d => d is "reporter" or "pair");
        int[] order = Enumerable.Range(0, sets.Length).Where(q => Local(sets[q]) && !(sets[q].Contains("pair", StringComparison.Ordinal) && sets[q].Contains("year", StringComparison.Ordinal)))
            .OrderByDescending(q => sets[q].Contains("pair", StringComparison.Ordinal) ? 2 : sets[q].Contains('^', StringComparison.Ordinal) ? 1 : 0)
            .ToArray();
        return order.Length == 0 ? -1 : order[0];
    }
}
