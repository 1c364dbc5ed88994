using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// The gathers that recover a fit's year effects for a scenario; each economy first tells its sample years. A linear
/// fit's, with the fit's own first two rounds: each economy sends the year moments of its entity-demeaned rows (k + 1
/// columns × years, as the fit gathered them); the coordinator sums them and <see cref="YearEffects.Recover"/> solves
/// the same year projection the fit solved, at the fitted slopes. A PPML fit's, with rounds of
/// <see cref="PoissonYearEffects"/>: each economy sends its per-year sums at the current λ (its own effect α_i computed
/// in its grain), the coordinator updates λ; one round for year effects alone, alternating rounds to the stated
/// convergence rule with economy effects too. Year effects span economies, so they are gathered here, never in an
/// economy grain.
/// </summary>
internal static class YearEffectsCoordinator
{
    /// <summary>The year effects and, for a PPML fit, how they were found (for the effects rule; empty for OLS).</summary>
    public static async Task<(YearEffects Effects, string How)> GatherAsync(IGrainFactory grains, DesignSpec spec, double[] slopes,
        CancellationToken cancellationToken)
    {
        var request = new BlockRequest(spec, [], string.Empty, [], []);
        BlockInfo[] infos = await Task.WhenAll(spec.Economies.Select(e => grains.EconomyEstimate(e).DescribeBlock(request, cancellationToken).AsTask()));
        int[] years = infos.SelectMany(i => i.Years).Distinct().Order().ToArray();
        request = request with { Years = years };
        string[] present = infos.Where(i => i.Rows > 0).Select(i => i.Economy).ToArray();
        if (spec.Estimator == EstimatorKind.Ppml)
        {
            return await PoissonAsync(grains, request, present, slopes, cancellationToken);
        }

        YearMoments?[] moments = await Task.WhenAll(present.Select(e => grains.EconomyEstimate(e).LinearYearMoments(request, cancellationToken).AsTask()));
        YearMoments sum = YearMoments.Sum(moments.OfType<YearMoments>().ToArray());
        // The fit's rank rule (LinearFitCoordinator's OlsOptions keeps the default tolerance): the same dummies drop.
        return (YearEffects.Recover(sum, slopes, years, new OlsOptions().CollinearityTolerance), string.Empty);
    }

    private static async Task<(YearEffects, string)> PoissonAsync(IGrainFactory grains, BlockRequest request, string[] economies, double[] slopes,
        CancellationToken cancellationToken)
    {
        var rounds = new PoissonYearEffects(request.Years, request.Spec.EntityEffects);
        while (!rounds.Converged)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double[] lambda = rounds.Lambda;
            // Task.WhenAll keeps the economies' order: the sums are added alike on any number of silos.
            PoissonYearSums?[] parts = await Task.WhenAll(economies.Select(e =>
                grains.EconomyScenario(e).PoissonYearRound(request, slopes, lambda, cancellationToken).AsTask()));
            rounds.Add(parts.OfType<PoissonYearSums>().ToArray());
        }

        return (rounds.Effects, rounds.Description);
    }
}
