using System.Globalization;
using TradeGrid.Domain;

namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// Poisson pseudo-maximum likelihood with up to four sets of absorbed fixed effects, mirroring fixest's
/// <c>fepois(y ~ x | fe1 + fe2 + …)</c> and ppmlhdfe: IRLS in which every step projects the effects out of the working
/// variable and the regressors with weights μ (<see cref="EffectProjector"/>, warm-started from the previous step's
/// projection), then solves the weighted least squares by Householder QR. Before the iterations, rows are dropped
/// until none changes: groups whose y is all zero, singletons (when asked), and rows separated by a combination of
/// regressors and effects (<see cref="PoissonRectifier"/>). Stops one step after glm's |Δdev|/(0.1 + |dev|) is below
/// the tolerance; the covariance is taken at the converged μ (<see cref="AbsorbedCovariance"/>).
/// </summary>
public static class AbsorbedPpml
{
    public const int MaxIterations = 100;

    public static AbsorbedFit Fit(double[] y, double[][] columns, IReadOnlyList<string> names, IReadOnlyList<EffectDimension> effects, AbsorbedOptions options) =>
        Fit(Prepare(y, columns, names, effects, options), options);

    /// <summary>
    /// The rows' part of the fit: the drops (all-zero groups, singletons, separation), then the IRLS to convergence
    /// (<see cref="AbsorbedPpmlDesign"/>). The options' covariance kind and level are not used.
    /// </summary>
    public static AbsorbedPpmlDesign Prepare(double[] y, double[][] columns, IReadOnlyList<string> names, IReadOnlyList<EffectDimension> effects, AbsorbedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        AbsorbedSample.Check(y, columns, names, effects);
        options.Validate(y.Length);
        int negative = Array.FindIndex(y, v => !(v >= 0.0));
        if (negative >= 0)
        {
            throw new InvalidSpecException($"PPML needs a dependent ≥ 0; row {negative} has {y[negative].ToString("G6", CultureInfo.InvariantCulture)}.");
        }

        bool intercept = effects.Count == 0 && options.Intercept;
        string[] allNames = intercept ? names.Prepend("(Intercept)").ToArray() : names.ToArray();
        double[][] allColumns = intercept ? columns.Prepend(Enumerable.Repeat(1.0, y.Length).ToArray()).ToArray() : columns;
        var keep = Enumerable.Repeat(true, y.Length).ToArray();
        var rawGroups = new int[effects.Count];
        int[][] raw = effects.Select((e, q) => EffectIds.Numbered(e.Ids, out rawGroups[q])).ToArray();
        int singletons = 0;
        int singletonExample = -1;
        int separatedExample = -1;
        int allZero = 0;
        int rectified = 0;
        while (true)
        {
            FilterCounts counts = SampleFilter.Apply(raw, rawGroups, y, options.DropSingletons, allZero: true, keep);
            singletons += counts.Singletons;
            singletonExample = singletonExample < 0 ? counts.SingletonExample : singletonExample;
            allZero += counts.AllZero;
            separatedExample = separatedExample < 0 ? counts.AllZeroExample : separatedExample;
            AbsorbedSample current = AbsorbedSample.Select(keep, y, allColumns, raw, rawGroups, null);
            if (current.Y.Length == 0 || current.Y.All(v => v == 0.0))
            {
                throw new InsufficientDataException("Every row left has a zero dependent (or none is left): PPML has nothing to fit; widen the sample.");
            }

            int[] sep = PoissonRectifier.Separated(current.Y, current.Columns, current.Ids, current.Groups, options.CollinearityTolerance);
            if (sep.Length == 0)
            {
                break;
            }

            foreach (int i in sep)
            {
                keep[current.Used[i]] = false;
            }

            rectified += sep.Length;
            separatedExample = separatedExample < 0 ? current.Used[sep[0]] : separatedExample;
        }

        AbsorbedSample sample = AbsorbedSample.Select(keep, y, allColumns, raw, rawGroups, options.Clusters);
        int n = sample.Y.Length;
        if (n <= sample.Columns.Length)
        {
            throw new InsufficientDataException($"{n} observations for {sample.Columns.Length} coefficients: N must exceed K; widen the sample or drop regressors.");
        }

        PoissonIrls irls = PoissonIrls.Run(sample, allNames, effects.Count > 0, options);
        // The log-likelihood and the moments of y and μ, per chunk of rows in parallel, the chunks' sums in order.
        var parts = new double[(n + PoissonIrls.ChunkRows - 1) / PoissonIrls.ChunkRows, PoissonSums.Count];
        PoissonIrls.ForChunks(n, (from, to) =>
        {
            double[] sums = PoissonSums.Of(sample.Y, irls.Mu, from, to);
            int c = from / PoissonIrls.ChunkRows;
            for (int m = 0; m < PoissonSums.Count; m++)
            {
                parts[c, m] = sums[m];
            }
        });
        var totals = new double[PoissonSums.Count];
        for (int c = 0; c < parts.GetLength(0); c++)
        {
            for (int m = 0; m < PoissonSums.Count; m++)
            {
                totals[m] += parts[c, m];
            }
        }

        return new AbsorbedPpmlDesign(
            sample, allNames, effects.Select(e => e.Name).ToArray(), irls, totals, new FilterCounts(singletons, singletonExample, 0, -1),
            allZero + rectified, separatedExample, SeparationNotes(allZero, rectified), options);
    }

    /// <summary>
    /// The fit from a converged design: the covariance at the converged μ and the statistics. The options must agree
    /// with the design's on the drops, the intercept, the projection rule, the collinearity rule and the clusters.
    /// </summary>
    public static AbsorbedFit Fit(AbsorbedPpmlDesign design, AbsorbedOptions options)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(options);
        options.ValidateFor(design.Serves(options), "drops, intercept, projection or collinearity rule or clusters");
        AbsorbedSample sample = design.Sample;
        PoissonIrls irls = design.Irls;
        int n = sample.Y.Length;
        bool effects = design.EffectNames.Length > 0;
        double[] t = design.Sums;
        double ll = t[0], sy = t[1], sm = t[2], syy = t[3], smm = t[4], sym = t[5];
        double cyy = syy - sy * sy / n;
        double cmm = smm - sm * sm / n;
        double cym = sym - sy * sm / n;
        AbsorbedCovarianceResult cov = AbsorbedCovariance.Compute(new AbsorbedCovarianceInput(
            irls.Columns, irls.Step.Kept, irls.Score, irls.Step.Factor, 1.0, options.Covariance, sample.Clusters, sample.Ids,
            sample.Groups, design.EffectNames));
        int nparams = irls.Step.Kept.Length + (effects ? sample.Groups.Sum(g => g - 1) + 1 : 0);
        return AbsorbedResult.Build(new AbsorbedResultParts(
            design.Names, irls.Step, cov, options, n, nparams, design.EffectNames, sample.Groups, ColumnMoments.Mean(sample.Y), sample.Used,
            RSquared: double.NaN,
            AdjustedRSquared: double.NaN,
            WithinRSquared: double.NaN,
            PseudoRSquared: cym * cym / (cyy * cmm),
            Rss: double.NaN,
            Sigma: double.NaN,
            Deviance: irls.Deviance,
            LogLikelihood: ll,
            Iterations: irls.Iterations,
            ProjectionIterations: irls.ProjectionIterations,
            Filtered: design.Filtered,
            Separated: design.Separated,
            SeparatedExample: design.SeparatedExample,
            SeparationNotes: design.SeparationNotes));
    }

    /// <summary>What the separated rows were, in words: all-zero groups, rows the rectifier found.</summary>
    internal static string[] SeparationNotes(int allZero, int rectified)
    {
        var notes = new List<string>();
        if (allZero > 0)
        {
            notes.Add($"{allZero} rows of groups whose dependent is all zero");
        }

        if (rectified > 0)
        {
            notes.Add($"{rectified} rows separated by a combination of regressors and effects (iterative rectifier)");
        }

        return notes.ToArray();
    }
}
