using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Poisson;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// The coordinator's side of a PPML fit: separation rounds (each economy reports its evidence, the coordinator
/// combines it, each economy drops the rows it marks; repeated until nothing separates), then one gather per IRLS
/// iteration (<see cref="PoissonIterations"/>), then a final round for the covariance, deviance and pseudo R².
/// </summary>
internal static class PoissonFitCoordinator
{
    public static async Task<FitStatistics> RunAsync(IEconomyEstimateGrain[] blocks, BlockRequest request, CancellationToken cancellationToken)
    {
        DesignSpec spec = request.Spec;
        string[] names = spec.ColumnNames();
        PanelSpec panel = SpecPanels.Poisson(spec, request.Years);
        var options = new PoissonOptions(spec.Covariance.ToNumerics(), spec.ConfidenceLevel, spec.DropCollinear);
        options.Validate();

        var rounds = new List<SeparationPart>();
        var notes = new List<string>();
        int separated = 0;
        string[] design = panel.DesignNames(names);
        SeparationStep[] steps = await Gather(blocks, request, cancellationToken);
        while (true)
        {
            SeparationPart combined = PoissonSeparation.Combine(steps.Select(s => s.Part).OfType<SeparationPart>().ToArray());
            int[] columns = PoissonSeparation.Separating(combined);
            if (columns.Length == 0)
            {
                break;
            }

            SeparationStep[] next = await Gather(blocks, request with { SeparationRounds = [.. rounds, combined] }, cancellationToken);
            int dropped = next.Sum(s => s.DroppedByLastRound);
            if (dropped == 0)
            {
                break;
            }

            rounds.Add(combined);
            separated += dropped;
            steps = next;
            notes.Add($"{dropped} rows with y = 0 dropped: [{string.Join(", ", columns.Select(j => design[j]))}] separate them "
                + "from the positive rows (their coefficient would diverge); those columns are dropped too.");
        }

        request = request with { SeparationRounds = rounds.ToArray() };
        int[] gone = SpecPanels.SeparatedColumns(rounds, panel);
        string[] used = names.Where((_, j) => !gone.Contains(j)).ToArray();
        (PoissonFit fit, int blockSeparated) = (panel.EntityEffects ? await NewtonAsync(blocks, request, used, panel, options, cancellationToken) : null)
            ?? await QrAsync(blocks, request, used, panel, options, cancellationToken);
        fit = fit with
        {
            SeparationNotes = notes.Concat(fit.SeparationNotes).ToArray(),
            DroppedColumns = gone.Select(j => names[j]).Concat(fit.DroppedColumns).ToArray(),
        };
        return FitStatistics.From(fit, separated + blockSeparated);
    }

    /// <summary>
    /// The normal-equation rounds (<see cref="PoissonNewtonIterations"/>): per iteration each block sends (q + k)² numbers;
    /// then the year projection, the final QR parts and, for HC, the meat. Null when they cannot decide the fit.
    /// </summary>
    private static async Task<(PoissonFit, int)?> NewtonAsync(IEconomyEstimateGrain[] blocks, BlockRequest request, string[] used, PanelSpec panel, PoissonOptions options, CancellationToken cancellationToken)
    {
        var newton = new PoissonNewtonIterations(used, panel, options);
        while (!newton.Converged && !newton.Failed)
        {
            double[]? theta = newton.Theta;
            newton.Add(await Steps(blocks, request, theta, cancellationToken));
        }

        if (newton.Failed)
        {
            return null;
        }

        double[] final = newton.Theta!;
        double[]? gamma = newton.Projection(await Steps(blocks, request, final, cancellationToken));
        if (gamma is null)
        {
            return null;
        }

        PoissonFinalPart?[] finals = await Task.WhenAll(blocks.Select(b => b.PoissonNewtonFinal(request, final, gamma, cancellationToken).AsTask()));
        PoissonFinalPart[] present = finals.OfType<PoissonFinalPart>().ToArray();
        ScoreBasis? basis = newton.Basis(present);
        if (basis is null)
        {
            return null;
        }

        ScorePart[]? meat = null;
        if (!request.Spec.Covariance.IsCluster() && options.Covariance != CovarianceKind.Classical)
        {
            ScorePart?[] parts = await Task.WhenAll(blocks.Select(b => b.PoissonNewtonMeat(request, final, gamma, basis, cancellationToken).AsTask()));
            meat = parts.OfType<ScorePart>().ToArray();
        }

        return (newton.Finish(basis, present, meat), present.Sum(p => p.Summary.SeparatedRows.Length));
    }

    private static async Task<NewtonPart[]> Steps(IEconomyEstimateGrain[] blocks, BlockRequest request, double[]? theta, CancellationToken cancellationToken)
    {
        NewtonPart?[] parts = await Task.WhenAll(blocks.Select(b => b.PoissonNewtonStep(request, theta, cancellationToken).AsTask()));
        return parts.OfType<NewtonPart>().ToArray();
    }

    /// <summary>The QR rounds (<see cref="PoissonIterations"/>): every iteration factors each block's rows with the year dummies as columns.</summary>
    private static async Task<(PoissonFit, int)> QrAsync(IEconomyEstimateGrain[] blocks, BlockRequest request, string[] used, PanelSpec panel, PoissonOptions options, CancellationToken cancellationToken)
    {
        DesignSpec spec = request.Spec;
        var irls = new PoissonIterations(used, panel, options);
        while (!irls.Converged)
        {
            double[]? beta = irls.Beta;
            PoissonPart?[] parts = await Task.WhenAll(blocks.Select(b => b.PoissonIteration(request, beta, cancellationToken).AsTask()));
            irls.Add(parts.OfType<PoissonPart>().ToArray());
        }

        bool meat = !spec.Covariance.IsCluster();
        PoissonScorePart?[] scores = await Task.WhenAll(blocks.Select(b => b.PoissonFinal(request, irls.Basis, meat, cancellationToken).AsTask()));
        PoissonScorePart[] present = scores.OfType<PoissonScorePart>().ToArray();
        return (irls.Finish(present), present.Sum(p => p.SeparatedRows.Length));
    }

    private static Task<SeparationStep[]> Gather(IEconomyEstimateGrain[] blocks, BlockRequest request, CancellationToken cancellationToken) =>
        Task.WhenAll(blocks.Select(b => b.SeparationRound(request, cancellationToken).AsTask()));
}
