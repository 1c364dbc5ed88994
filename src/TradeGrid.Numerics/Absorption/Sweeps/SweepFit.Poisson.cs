using TradeGrid.Domain;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>PPML with the rows in the blocks: <see cref="AbsorbedPpml"/>'s drops, rectifier and IRLS, each pass a gather.</summary>
public static partial class SweepFit
{
    public static async Task<SweepFitResult> PpmlAsync(ISweepBlocks blocks, SweepModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(model);
        Check(model);
        AbsorbedOptions options = model.Options;
        int singletons = 0, allZero = 0, rectified = 0;
        string singletonExample = string.Empty, separatedExample = string.Empty;
        SweepReply?[] compact;
        SweepLayout layout;
        while (true)
        {
            Filtered filtered = await FilterAsync(blocks, model, options.DropSingletons, allZero: true, cancellationToken);
            compact = filtered.Compacted;
            singletons += filtered.Singletons;
            allZero += filtered.AllZero;
            singletonExample = singletonExample.Length == 0 ? filtered.SingletonExample : singletonExample;
            separatedExample = separatedExample.Length == 0 ? filtered.AllZeroExample : separatedExample;
            layout = await LayoutAsync(blocks, compact, filtered.Layout, model, cancellationToken);
            int rows = compact.Sum(c => c?.Rows ?? 0);
            double total = compact.Sum(c => c?.Scalars?[0] ?? 0.0);
            if (rows == 0 || !(total > 0.0))
            {
                throw new InsufficientDataException("Every row left has a zero dependent (or none is left): PPML has nothing to fit; widen the sample.");
            }

            (int dropped, string example) = await SeparatedAsync(blocks, compact, layout, model, cancellationToken);
            if (dropped == 0)
            {
                break;
            }

            rectified += dropped;
            separatedExample = separatedExample.Length == 0 ? example : separatedExample;
        }

        int n = compact.Sum(c => c?.Rows ?? 0);
        int k = model.Names.Length;
        if (n <= k)
        {
            throw new InsufficientDataException($"{n} observations for {k} coefficients: N must exceed K; widen the sample or drop regressors.");
        }

        double mean = compact.Sum(c => c?.Scalars?[0] ?? 0.0) / n;
        SweepReply?[] accepted = await blocks.SendAsync(b => Only(compact, b, new SweepCommand(SweepOp.Accept) { Mean = mean }), cancellationToken);
        double deviance = Sum(accepted, 0);
        var start = new SweepCommand(SweepOp.Start) { Target = SweepTarget.Working, Regressors = true, Weights = SweepWeights.Mu };
        double[][][]? warm = null;
        LeastSquaresSolution? step = null;
        bool converged = false, polished = false;
        int iterations = 0, projection = 0;
        double change = double.PositiveInfinity;
        for (int iteration = 1; iteration <= AbsorbedPpml.MaxIterations; iteration++)
        {
            iterations = iteration;
            double tolerance = PoissonIrls.StepTolerance(change, options);
            bool exact = tolerance <= options.Tolerance;
            // Steps solved to the options' tolerance start cold: a warm start leaves M(v − Dα₀) small beside v, and the
            // rounding of that difference (relative to v) would be above what the tolerance asks of it.
            Solved solved = await SolveAsync(blocks, compact, layout, model, start, exact ? null : warm, tolerance, cancellationToken);
            (warm, step, projection) = (solved.Effects, solved.Solution, Math.Max(projection, solved.Iterations));
            double devNew = Sum(await blocks.SendAsync(b => Only(compact, b, new SweepCommand(SweepOp.Residuals) { Beta = step.Beta }), cancellationToken), 0);
            double previous = deviance;
            for (int halving = 0; halving < 30 && PoissonIrls.Worse(devNew, previous) && iteration > 1; halving++)
            {
                devNew = Sum(await blocks.SendAsync(b => Only(compact, b, new SweepCommand(SweepOp.Halve)), cancellationToken), 0);
            }

            await blocks.SendAsync(b => Only(compact, b, new SweepCommand(SweepOp.Accept)), cancellationToken);
            deviance = devNew;
            if (polished)
            {
                converged = true;
                break;
            }

            change = PoissonIrls.Change(deviance, previous);
            polished = exact && change < options.PoissonTolerance;
        }

        if (!converged || step is null)
        {
            throw PoissonIrls.NotConverged(options);
        }

        // The covariance at the converged μ: project once more with the final weights.
        Solved final = await SolveAsync(blocks, compact, layout, model, start, null, options.Tolerance, cancellationToken);
        LeastSquaresSolution solution = final.Solution with { Beta = step.Beta };
        AbsorbedCovarianceResult cov = await SweepCovariance.ComputeAsync(blocks, compact, layout, model, solution, n, layout.Groups, 1.0, cancellationToken);
        SweepReply?[] summary = await blocks.SendAsync(b => Only(compact, b, new SweepCommand(SweepOp.Summary)), cancellationToken);
        double ll = Sum(summary, 0), sy = Sum(summary, 1), sm = Sum(summary, 2), syy = Sum(summary, 3), smm = Sum(summary, 4), sym = Sum(summary, 5);
        double cyy = syy - sy * sy / n, cmm = smm - sm * sm / n, cym = sym - sy * sm / n;
        bool effects = model.EffectNames.Length > 0;
        int nparams = solution.Retained.Length + (effects ? layout.Groups.Sum(g => g - 1) + 1 : 0);
        AbsorbedFit fit = AbsorbedResult.Build(new AbsorbedResultParts(
            model.Names, Step(solution), cov, options, n, nparams, model.EffectNames, layout.Groups, sy / n, [],
            RSquared: double.NaN,
            AdjustedRSquared: double.NaN,
            WithinRSquared: double.NaN,
            PseudoRSquared: cym * cym / (cyy * cmm),
            Rss: double.NaN,
            Sigma: double.NaN,
            Deviance: deviance,
            LogLikelihood: ll,
            Iterations: iterations,
            ProjectionIterations: Math.Max(projection, final.Iterations),
            Filtered: new FilterCounts(singletons, -1, 0, -1),
            Separated: allZero + rectified,
            SeparatedExample: -1,
            SeparationNotes: AbsorbedPpml.SeparationNotes(allZero, rectified)));
        return new SweepFitResult(fit, singletonExample, separatedExample);
    }

    /// <summary>
    /// The iterative rectifier (<see cref="PoissonRectifier"/>) over the blocks: rounds of a weighted projection of the
    /// certificate (the regressors too in the first), least squares, and the fit's range; the separated rows are
    /// dropped in the blocks (not compacted). Returns how many, with an example.
    /// </summary>
    private static async Task<(int Dropped, string Example)> SeparatedAsync(
        ISweepBlocks blocks, SweepReply?[] compact, SweepLayout layout, SweepModel model, CancellationToken cancellationToken)
    {
        double zeros = compact.Sum(c => c is null ? 0.0 : c.Rows - c.Scalars![2]);
        if (!(zeros > 0.0) || model.Names.Length == 0)
        {
            return (0, string.Empty);
        }

        double[]? norms = null;
        for (int round = 0; round < PoissonRectifier.MaxRounds; round++)
        {
            var start = new SweepCommand(SweepOp.Start) { Target = SweepTarget.Certificate, Regressors = round == 0, Weights = SweepWeights.Certificate };
            Solved solved = await SolveAsync(blocks, compact, layout, model, start, null, 1e-10, cancellationToken, norms);
            norms = solved.Norms;
            SweepReply?[] range = await blocks.SendAsync(b => Only(compact, b, new SweepCommand(SweepOp.Residuals) { Beta = solved.Solution.Beta }), cancellationToken);
            double lowest = range.Min(r => r?.Scalars?[0] ?? 0.0);
            double highest = range.Max(r => r?.Scalars?[1] ?? 0.0);
            if (highest <= PoissonRectifier.Tolerance)
            {
                return (0, string.Empty);
            }

            if (lowest >= -PoissonRectifier.Tolerance)
            {
                SweepReply?[] dropped = await blocks.SendAsync(b => Only(compact, b, new SweepCommand(SweepOp.DropSeparated)), cancellationToken);
                return (dropped.Sum(d => d?.Dropped ?? 0), dropped.FirstOrDefault(d => d is { Dropped: > 0 })?.Example ?? string.Empty);
            }

            await blocks.SendAsync(b => Only(compact, b, new SweepCommand(SweepOp.Rectify)), cancellationToken);
        }

        return (0, string.Empty);
    }

    private static double Sum(SweepReply?[] replies, int at) => replies.Sum(r => r?.Scalars?[at] ?? 0.0);
}
