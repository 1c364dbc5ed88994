using TradeGrid.Domain;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>
/// <see cref="AbsorbedOls"/> and <see cref="AbsorbedPpml"/> with the rows left in the economies' blocks: every pass
/// over the rows is one gather of per-group sums (<see cref="ISweepBlocks"/>). Singletons and all-zero groups are
/// dropped in rounds of group counts summed over the blocks; each projection is the CG of
/// <see cref="SweepProjection"/> (one gather per iteration for all columns); the least squares combine the blocks'
/// QR parts (<see cref="TallSkinnyQr.Combine"/>); the covariance sums the blocks' scores per cluster group. The
/// answers equal the central fit's to the projections' tolerance, whatever the number of blocks or where they run.
/// </summary>
public static partial class SweepFit
{
    public static async Task<SweepFitResult> OlsAsync(ISweepBlocks blocks, SweepModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(model);
        Check(model);
        AbsorbedOptions options = model.Options;
        Filtered filtered = await FilterAsync(blocks, model, options.DropSingletons, allZero: false, cancellationToken);
        SweepReply?[] compact = filtered.Compacted;
        SweepLayout layout = await LayoutAsync(blocks, compact, filtered.Layout, model, cancellationToken);
        int n = compact.Sum(c => c?.Rows ?? 0);
        int k = model.Names.Length;
        if (n <= k)
        {
            throw new InsufficientDataException($"{n} observations for {k} coefficients: N must exceed K; widen the sample or drop regressors.");
        }

        bool effects = model.EffectNames.Length > 0;
        Solved solved = await SolveAsync(
            blocks, compact, layout, model, new SweepCommand(SweepOp.Start) { Target = SweepTarget.Dependent, Regressors = true }, null,
            options.Tolerance, cancellationToken);
        SweepReply?[] residuals = await blocks.SendAsync(b => Only(compact, b, new SweepCommand(SweepOp.Residuals) { Beta = solved.Solution.Beta }), cancellationToken);
        double rss = 0.0, within = 0.0, squares = 0.0;
        var moments = new Moments();
        foreach (SweepReply? r in residuals)
        {
            if (r?.Scalars is { } s)
            {
                rss += s[0];
                moments.Add(s[1], s[2], s[3]);
                within += s[4];
                squares += s[5];
            }
        }

        LeastSquaresSolution solution = solved.Solution;
        AbsorbedCovarianceResult cov = await SweepCovariance.ComputeAsync(
            blocks, compact, layout, model, solution, n, layout.Groups, rss / (n - 1.0), cancellationToken);
        double tss = model.Intercept || effects ? moments.Centred : squares;
        int nparams = solution.Retained.Length + (effects ? layout.Groups.Sum(g => g - 1) + 1 : 0);
        double r2 = 1.0 - rss / tss;
        AbsorbedFit fit = AbsorbedResult.Build(new AbsorbedResultParts(
            model.Names, Step(solution), cov, options, n, nparams, model.EffectNames, layout.Groups, moments.Mean, [],
            RSquared: r2,
            AdjustedRSquared: 1.0 - (1.0 - r2) * (model.Intercept || effects ? n - 1.0 : n) / (n - nparams),
            WithinRSquared: effects ? 1.0 - rss / within : double.NaN,
            PseudoRSquared: double.NaN,
            Rss: rss,
            Sigma: Math.Sqrt(rss / (n - nparams)),
            Deviance: double.NaN,
            LogLikelihood: -0.5 * n * (Math.Log(2.0 * Math.PI) + Math.Log(rss / n) + 1.0),
            Iterations: 0,
            ProjectionIterations: solved.Iterations,
            Filtered: new FilterCounts(filtered.Singletons, -1, 0, -1),
            Separated: 0,
            SeparatedExample: -1,
            SeparationNotes: []));
        return new SweepFitResult(fit, filtered.SingletonExample, string.Empty);
    }

    private static void Check(SweepModel model)
    {
        model.Options.ValidateChoices(model.ClusterNames.Length);
        if (model.EffectNames.Length > AbsorbedSample.MaxEffectSets)
        {
            throw new InvalidSpecException($"{model.EffectNames.Length} sets of fixed effects: at most {AbsorbedSample.MaxEffectSets}; combine sets with ^ (e.g. reporter^year).");
        }
    }

    /// <summary>
    /// The coordinator's numbering of every set's groups (<paramref name="built"/> when the filter made it for these
    /// answers), sent to the blocks: their vectors are whole from then on.
    /// </summary>
    private static async Task<SweepLayout> LayoutAsync(
        ISweepBlocks blocks, SweepReply?[] compact, SweepLayout? built, SweepModel model, CancellationToken cancellationToken)
    {
        SweepLayout layout = built ?? new SweepLayout(compact, model.EffectNames.Length);
        await blocks.SendAsync(b => Only(compact, b, new SweepCommand(SweepOp.Layout) { Slots = layout.Slots(b) }), cancellationToken);
        return layout;
    }

    /// <summary>The command for block b unless it has no rows.</summary>
    private static SweepCommand? Only(SweepReply?[] compact, int b, SweepCommand command) => compact[b] is { Rows: > 0 } ? command : null;

    private static AbsorbedStep Step(LeastSquaresSolution s) => new(s.Retained, s.Dropped, s.Beta, s.Factor, []);

    /// <summary>
    /// A projection (Start, CG, Finish) and the least squares on the blocks' QR parts. The rank rule's scale comes from
    /// the blocks' moments when the regressors were projected, else it is <paramref name="norms"/> (the separation
    /// rectifier's later rounds reuse its first round's regressors, and their scale, as <see cref="PoissonRectifier"/>).
    /// </summary>
    private static async Task<Solved> SolveAsync(
        ISweepBlocks blocks, SweepReply?[] compact, SweepLayout layout, SweepModel model, SweepCommand start, double[][][]? warm,
        double tolerance, CancellationToken cancellationToken, double[]? norms = null)
    {
        string[] names = model.Names;
        var projection = new SweepProjection(blocks, layout, model.Solved, tolerance, model.Options.MaxIterations);
        SweepCommand first = start with { Vectors = warm };
        SweepReply?[] started = await blocks.SendAsync(b => Only(compact, b, first), cancellationToken);
        string[] columns = start.Regressors ? [.. names, TargetName(start.Target)] : [TargetName(start.Target)];
        (SweepReply?[] finished, double[][][] total, int iterations) = await projection.RunAsync(started, warm, columns, cancellationToken);
        QrPart part = TallSkinnyQr.Combine(finished.Where(f => f?.Part is not null).Select(f => f!.Part!).ToArray());
        norms = start.Regressors ? Norms(finished, names.Length, model.EffectNames.Length > 0) : norms;
        LeastSquaresSolution solution = LeastSquares.Solve(
            part, names, 0, start.Target == SweepTarget.Certificate || model.Options.DropCollinear, model.Options.CollinearityTolerance, norms);
        return new Solved(solution, total, iterations, norms);
    }

    private static string TargetName(SweepTarget target) => target switch
    {
        SweepTarget.Working => "the working dependent",
        SweepTarget.Certificate => "the separation certificate",
        _ => "the dependent",
    };

    /// <summary>Each regressor's weighted norm before the projection (centred with effects), from the blocks' moments.</summary>
    private static double[] Norms(SweepReply?[] finished, int k, bool effects)
    {
        var norms = new double[k];
        for (int j = 0; j < k; j++)
        {
            var m = new Moments();
            foreach (SweepReply? f in finished)
            {
                if (f?.Scalars is { } s)
                {
                    m.Add(s[3 * j], s[3 * j + 1], s[3 * j + 2]);
                }
            }

            norms[j] = Math.Sqrt(effects ? m.Centred : m.Centred + m.Weight * m.Mean * m.Mean);
        }

        return norms;
    }

    /// <summary>A projection's solution, its effects (the next warm start), its CG iterations and the rank rule's scale.</summary>
    private sealed record Solved(LeastSquaresSolution Solution, double[][][] Effects, int Iterations, double[]? Norms);

    /// <summary>Weights, means and centred sums of squares combined over blocks (Chan, Golub and LeVeque).</summary>
    private sealed class Moments
    {
        public double Weight { get; private set; }

        public double Mean { get; private set; }

        public double Centred { get; private set; }

        public void Add(double weight, double mean, double centred)
        {
            if (!(weight > 0.0))
            {
                return;
            }

            double total = Weight + weight;
            double delta = mean - Mean;
            Centred += centred + delta * delta * Weight * weight / total;
            Mean += delta * weight / total;
            Weight = total;
        }
    }
}
