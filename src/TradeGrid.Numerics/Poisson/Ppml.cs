using TradeGrid.Domain;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// Poisson pseudo-maximum-likelihood (Santos Silva and Tenreyro 2006) by IRLS with entity effects concentrated out
/// in closed form and year effects as dummies; mirrors R's glm(family = poisson) with the effects as factors, and
/// ppmlhdfe's separation rule and CR0 factor. Every iteration is one gather: each block returns the QR part of its
/// weighted, weighted-demeaned rows (<see cref="Local"/>); the coordinator combines and solves (<see cref="Step"/>).
/// <see cref="PoissonIterations"/> runs the coordinator's loop, here and in a coordinator grain alike.
/// Entities must not span blocks (an economy, or a pair held by its reporter's grain).
/// </summary>
public static class Ppml
{
    /// <summary>
    /// Fits in one process. Cluster covariances cluster by <paramref name="clusters"/>, or by entity when it is null.
    /// </summary>
    public static PoissonFit Fit(double[,] x, double[] y, IReadOnlyList<string> names, int[] entity, int[] year, PanelSpec spec, PoissonOptions options, int[]? clusters = null)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (y.Length == 0)
        {
            throw new InsufficientDataException("The sample is empty: no rows have all the variables; widen the sample (economies, years).");
        }

        ArgumentNullException.ThrowIfNull(names);
        if (clusters is not null && clusters.Length != y.Length)
        {
            throw new ArgumentException($"clusters has {clusters.Length} entries for {y.Length} rows.", nameof(clusters));
        }

        (int[] kept, int[] separated, int[] slopes, List<string> notes) = PoissonSeparation.Resolve(x, y, entity, year, spec, names, out PoissonBlock? unseparated);
        int[] columns = Enumerable.Range(0, names.Count).Except(slopes).ToArray();
        string[] used = columns.Select(j => names[j]).ToArray();
        // Copy the rows only when separation removed some: the iterations read the caller's array directly.
        PoissonBlock block = kept.Length == y.Length && slopes.Length == 0
            ? unseparated ?? new PoissonBlock(x, y, entity, year, spec)
            : new PoissonBlock(Columns(Rows.Take(x, kept), columns), Rows.Take(y, kept), Rows.Take(entity, kept), Rows.Take(year, kept), spec);
        if (spec.Years.Length > 0)
        {
            // Year effects absorbed, not dummy columns (same iterates, see AbsorbedPpml).
            int[] clusterIds = clusters is null ? block.Entity : Rows.Take(Rows.Take(clusters, kept), block.Kept);
            PoissonFit absorbed = AbsorbedPpml.Fit(block, used, spec, options, clusterIds);
            return WithSeparation(absorbed, kept, separated, block, notes, slopes, names);
        }

        var irls = new PoissonIterations(used, spec, options);
        while (!irls.Converged)
        {
            irls.Add([LocalOf(block, irls.Beta)]);
        }

        int[] ids = clusters is null ? block.Entity : Rows.Take(Rows.Take(clusters, kept), block.Kept);
        List<int[]> groups = LinearModel.IsCluster(options.Covariance) ? Rows.ByGroup(ids) : [Enumerable.Range(0, block.Y.Length).ToArray()];
        return WithSeparation(irls.Finish(ScoresOf(block, irls.Basis, groups)), kept, separated, block, notes, slopes, names);
    }

    /// <summary>One IRLS iteration in a block, at <paramref name="beta"/> (null for the first iteration, which starts from μ₀).</summary>
    public static PoissonPart Local(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec, double[]? beta)
    {
        var block = new PoissonBlock(x, y, entity, year, spec);
        if (beta is not null && beta.Length != block.Width)
        {
            throw new ArgumentException($"beta has {beta.Length} entries for {block.Width} design columns (year dummies, then slopes).", nameof(beta));
        }

        return LocalOf(block, beta);
    }

    /// <summary>The coordinator's solve of one iteration: the next coefficients (and the factor for the final round).</summary>
    public static ScoreBasis Step(IReadOnlyList<PoissonPart> parts, IReadOnlyList<string> names, PanelSpec spec, PoissonOptions options)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        if (parts.Sum(p => p.SumY) == 0.0)
        {
            throw new InsufficientDataException("The dependent variable is zero in every row of the sample: PPML cannot fit it; widen the sample.");
        }

        QrPart total = TallSkinnyQr.Combine(parts.Select(p => p.Qr).ToArray());
        ScoreBasis basis = LeastSquares.Solve(total, spec.DesignNames(names), spec.YearDummies, options.DropCollinear, options.CollinearityTolerance).Basis;
        if (basis.Beta.Any(b => !double.IsFinite(b)))
        {
            throw new InsufficientDataException("PPML diverged (non-finite coefficients): a regressor may separate zeros from positives; drop it or rescale.");
        }

        return basis;
    }

    /// <summary>glm's stopping quantity |dev − dev_old|/(|dev| + 0.1).</summary>
    public static double Change(double previousDeviance, double deviance) => Math.Abs(deviance - previousDeviance) / (Math.Abs(deviance) + 0.1);

    /// <summary>
    /// The final round in a block (one cluster) at the converged coefficients; <paramref name="meat"/> false (enough
    /// for cluster covariances) skips the per-row HC meat.
    /// </summary>
    public static PoissonScorePart Scores(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec, ScoreBasis basis, bool meat = true)
    {
        var block = new PoissonBlock(x, y, entity, year, spec);
        return ScoresOf(block, basis, [Enumerable.Range(0, block.Y.Length).ToArray()], meat)[0];
    }

    /// <summary>The fit from the last iteration's basis and the blocks' final parts (one per cluster for cluster covariances).</summary>
    public static PoissonFit Finish(ScoreBasis basis, IReadOnlyList<PoissonScorePart> parts, IReadOnlyList<string> names, PanelSpec spec, PoissonOptions options, int iterations, double lastChange)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return PoissonSummary.Assemble(basis, parts, spec.DesignNames(names), spec.YearDummies, options, iterations, lastChange);
    }

    private static PoissonPart LocalOf(PoissonBlock block, double[]? beta)
    {
        int n = block.Y.Length;
        double[] mu;
        var z = new double[n];
        if (beta is null)
        {
            mu = block.StartingMean();
            for (int i = 0; i < n; i++)
            {
                z[i] = Math.Log(mu[i]) + (block.Y[i] - mu[i]) / mu[i];
            }
        }
        else
        {
            (double[] xb, mu) = block.Mean(beta);
            // z = xβ + (y − μ)/μ leaves α_g out: the weighted demeaning removes whatever is constant within an entity.
            for (int i = 0; i < n; i++)
            {
                z[i] = xb[i] + (block.Y[i] - mu[i]) / mu[i];
            }
        }

        double deviance = 0.0;
        for (int i = 0; i < n; i++)
        {
            deviance += PoissonBlock.DevianceTerm(block.Y[i], mu[i]);
        }

        QrPart qr = RowQr.Factor(n, block.Width, block.Demeaned(mu, z), block.Groups);
        return new PoissonPart(qr, deviance, block.Y.Sum());
    }

    private static PoissonScorePart[] ScoresOf(PoissonBlock block, ScoreBasis basis, List<int[]> clusters, bool meat = true)
    {
        (_, double[] mu) = block.Mean(basis.Beta);
        RowWriter writer = block.Demeaned(mu, null);
        var e = new double[mu.Length];
        for (int i = 0; i < e.Length; i++)
        {
            e[i] = block.Y[i] - mu[i];
        }

        ScorePart[] scores = clusters.Count == 1
            ? [RowQr.Scores(e.Length, block.Width, writer, e, basis, meat)]
            : RowQr.ByCluster(block.Width, writer, e, clusters, basis);
        return clusters.Select((rows, c) => PoissonSummary.Part(
            scores[c],
            c == 0 ? block.Groups : 0,
            c == 0 ? block.Dropped : [],
            Rows.Take(block.Y, rows),
            Rows.Take(mu, rows))).ToArray();
    }

    private static PoissonFit WithSeparation(PoissonFit fit, int[] kept, int[] separated, PoissonBlock block, List<string> notes, int[] slopes, IReadOnlyList<string> names) => fit with
    {
        SeparatedRows = separated.Concat(block.Dropped.Select(i => kept[i])).Order().ToArray(),
        SeparationNotes = notes.Concat(fit.SeparationNotes).ToArray(),
        DroppedColumns = slopes.Select(j => names[j]).Concat(fit.DroppedColumns).ToArray(),
    };

    private static double[,] Columns(double[,] x, int[] columns)
    {
        var s = new double[x.GetLength(0), columns.Length];
        for (int i = 0; i < x.GetLength(0); i++)
        {
            for (int j = 0; j < columns.Length; j++)
            {
                s[i, j] = x[i, columns[j]];
            }
        }

        return s;
    }
}
