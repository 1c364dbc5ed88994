using TradeGrid.Domain;

namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// OLS with up to four sets of absorbed fixed effects, mirroring fixest's <c>feols(y ~ x | fe1 + fe2 + …)</c>: the
/// effects are projected out of y and every regressor (<see cref="EffectProjector"/>), the slopes come from Householder
/// QR of the demeaned columns, covariances and small-sample factors as fixest's defaults (<see cref="AbsorbedCovariance"/>).
/// Without effects it is lm (with or without an intercept).
/// </summary>
public static class AbsorbedOls
{
    public static AbsorbedFit Fit(double[] y, double[][] columns, IReadOnlyList<string> names, IReadOnlyList<EffectDimension> effects, AbsorbedOptions options) =>
        Fit(Prepare(y, columns, names, effects, options), options);

    /// <summary>
    /// The rows' part of the fit: singletons dropped, the sample selected, y and the columns with the effects projected
    /// out (<see cref="AbsorbedOlsDesign"/>). The options' covariance kind, level and collinearity rule are not used.
    /// </summary>
    public static AbsorbedOlsDesign Prepare(double[] y, double[][] columns, IReadOnlyList<string> names, IReadOnlyList<EffectDimension> effects, AbsorbedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        AbsorbedSample.Check(y, columns, names, effects);
        options.Validate(y.Length);
        var keep = Enumerable.Repeat(true, y.Length).ToArray();
        var rawGroups = new int[effects.Count];
        int[][] raw = effects.Select((e, q) => EffectIds.Numbered(e.Ids, out rawGroups[q])).ToArray();
        FilterCounts filtered = SampleFilter.Apply(raw, rawGroups, null, options.DropSingletons, allZero: false, keep);

        AbsorbedSample sample = AbsorbedSample.Select(keep, y, columns, raw, rawGroups, options.Clusters);
        int n = sample.Y.Length;
        string[] allNames = names.ToArray();
        double[][] x = sample.Columns;
        bool intercept = effects.Count == 0 && options.Intercept;
        if (intercept)
        {
            x = x.Prepend(Enumerable.Repeat(1.0, n).ToArray()).ToArray();
            allNames = allNames.Prepend("(Intercept)").ToArray();
        }

        if (n <= x.Length)
        {
            throw new InsufficientDataException($"{n} observations for {x.Length} coefficients: N must exceed K; widen the sample or drop regressors.");
        }

        double[] norms = x.Select(c => effects.Count > 0 ? AbsorbedSolve.CentredNorm(c, null) : Math.Sqrt(ColumnMoments.SumOfSquares(c))).ToArray();
        double[][] xt = x.Select(c => (double[])c.Clone()).ToArray();
        double[] yt = (double[])sample.Y.Clone();
        int projection = 0;
        if (effects.Count > 0)
        {
            var projector = new EffectProjector(sample.Ids, sample.Groups, null, options.Tolerance, options.MaxIterations);
            projection = projector.DemeanColumns(xt.Append(yt).ToArray(), allNames.Append("the dependent").ToArray());
        }

        return new AbsorbedOlsDesign(sample, filtered, allNames, effects.Select(e => e.Name).ToArray(), intercept, norms, xt, yt, projection, options);
    }

    /// <summary>
    /// The fit from a prepared design: the least-squares step, the covariance and the statistics. The options must
    /// agree with the design's on the drops, the intercept, the projection rule and the clusters.
    /// </summary>
    public static AbsorbedFit Fit(AbsorbedOlsDesign design, AbsorbedOptions options)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(options);
        options.ValidateFor(design.Serves(options), "drops, intercept, projection rule or clusters");
        AbsorbedSample sample = design.Sample;
        int n = sample.Y.Length;
        bool effects = design.EffectNames.Length > 0;
        bool intercept = design.Intercept;
        double[][] xt = design.Demeaned;
        double[] yt = design.DemeanedY;
        AbsorbedStep step = AbsorbedSolve.Solve(xt, yt, null, design.Norms, design.Names, options.DropCollinear, options.CollinearityTolerance);
        double rss = ColumnMoments.SumOfSquares(step.Residual);
        double mean = ColumnMoments.Mean(sample.Y);
        double tss = intercept || effects ? ColumnMoments.SumOfSquares(sample.Y, mean) : ColumnMoments.SumOfSquares(sample.Y);
        double within = ColumnMoments.SumOfSquares(yt);
        AbsorbedCovarianceResult cov = AbsorbedCovariance.Compute(new AbsorbedCovarianceInput(
            xt, step.Kept, step.Residual, step.Factor, rss / (n - 1.0), options.Covariance, sample.Clusters, sample.Ids, sample.Groups,
            design.EffectNames));
        int nparams = step.Kept.Length + (effects ? sample.Groups.Sum(g => g - 1) + 1 : 0);
        double r2 = 1.0 - rss / tss;
        return AbsorbedResult.Build(new AbsorbedResultParts(
            design.Names, step, cov, options, n, nparams, design.EffectNames, sample.Groups, ColumnMoments.Mean(sample.Y), sample.Used,
            RSquared: r2,
            AdjustedRSquared: 1.0 - (1.0 - r2) * (intercept || effects ? n - 1.0 : n) / (n - nparams),
            WithinRSquared: effects ? 1.0 - rss / within : double.NaN,
            PseudoRSquared: double.NaN,
            Rss: rss,
            Sigma: Math.Sqrt(rss / (n - nparams)),
            Deviance: double.NaN,
            LogLikelihood: -0.5 * n * (Math.Log(2.0 * Math.PI) + Math.Log(rss / n) + 1.0),
            Iterations: 0,
            ProjectionIterations: design.Projection,
            Filtered: design.Filtered,
            Separated: 0,
            SeparatedExample: -1,
            SeparationNotes: []));
    }
}
