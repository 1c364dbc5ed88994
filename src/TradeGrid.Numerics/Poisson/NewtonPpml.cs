using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// PPML with entity and year effects in one process, fast: every IRLS iteration is one pass over the rows grouped by
/// entity (<see cref="NewtonStep"/>) that builds the step's small normal equations over (year dummies, slopes) with the
/// entity effects concentrated out, solved by Cholesky; only the final round factors the absorbed design by QR
/// (<see cref="GroupedFinalRound"/>). The iterates, the stopping rule (glm's, then one polishing step) and therefore the
/// coefficients are those of <see cref="AbsorbedPpml"/>, whose QR at every iteration costs several passes over the
/// rows. Returns null, leaving the fit to <see cref="AbsorbedPpml"/>, for any design near the edge: a pivot within
/// 1e-4 of collinear, a dropped year, a dropped slope.
/// </summary>
internal static class NewtonPpml
{
    public static PoissonFit? TryFit(PoissonBlock block, IReadOnlyList<string> names, PanelSpec spec, PoissonOptions options, int[] clusterIds)
    {
        if (!spec.EntityEffects || block.Groups == 0)
        {
            return null;
        }

        var rows = GroupedRows.Of(block);
        int chunks = rows.Chunks.Length - 1;
        double sumY = block.Y.Sum();
        var newton = new PoissonNewtonIterations(names, spec, options);
        while (!newton.Converged && !newton.Failed)
        {
            var systems = new NewtonSystem[chunks];
            double[]? current = newton.Theta;
            Work.For(chunks, rows.Rows, c => systems[c] = NewtonStep.Chunk(rows, current, c));
            newton.Step(NewtonSystem.Sum(systems), sumY);
        }

        if (newton.Failed)
        {
            // The QR path runs the same iterations and words the refusal.
            return null;
        }

        double[] theta = newton.Theta!;
        var final = GroupedFinalRound.Run(rows, theta, names, options, clusterIds);
        if (final is null)
        {
            return null;
        }

        (ScoreBasis basis, ScorePart[] scores, double[] mu, int yearEffects) = final.Value;
        PoissonTotals totals = PoissonSummary.Totals(block.Groups, block.Dropped.Length, block.Y, mu);
        return PoissonSummary.Assemble(basis, scores, totals, names.ToArray(), 0, options, newton.Iterations, newton.LastChange, yearEffects);
    }
}
