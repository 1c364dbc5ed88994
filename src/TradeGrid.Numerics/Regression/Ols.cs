using TradeGrid.Domain;

namespace TradeGrid.Numerics.Regression;

/// <summary>
/// Ordinary least squares by Householder QR (never the normal equations), mirroring R's lm() with
/// sandwich::vcovHC (HC0/HC1) and Stata's vce(cluster) (CR1). The single-process <see cref="Fit"/> and the
/// split path (<see cref="TallSkinnyQr"/> parts per economy, then <see cref="Solve"/> and <see cref="Finish"/>)
/// run the same code on the combined factor.
/// </summary>
public static class Ols
{
    /// <summary>
    /// Fits y on the columns of x in one process. <paramref name="clusters"/> holds a cluster id per row;
    /// the cluster covariances need it, the others ignore it. With InterceptColumn −1, a column of ones is taken
    /// as the intercept (the split path's <see cref="Finish"/> takes it from the options only).
    /// </summary>
    public static OlsFit Fit(double[,] x, double[] y, IReadOnlyList<string> names, OlsOptions options, int[]? clusters = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(x.GetLength(1));
        if (x.GetLength(0) == 0)
        {
            throw new InsufficientDataException("The sample is empty: no rows have all the variables; widen the sample (economies, years).");
        }

        if (options.InterceptColumn < 0)
        {
            // A column of ones is the intercept (centred R², F without it), as lm's formula would make it.
            int ones = Enumerable.Range(0, x.GetLength(1)).FirstOrDefault(j => Enumerable.Range(0, x.GetLength(0)).All(i => x[i, j] == 1.0), -1);
            options = options with { InterceptColumn = ones };
        }

        QrPart total = TallSkinnyQr.Local(x, y);
        if (options.Covariance is CovarianceKind.Classical)
        {
            return Finish(total, [], names, options);
        }

        ScoreBasis basis = Solve(total, names, options);
        return Finish(total, ScoreParts(x, y, basis, options.Covariance, clusters), names, options);
    }

    /// <summary>
    /// Solves the combined part: the coefficients (one per column, zero for a dropped one) and the factor that the
    /// blocks need for the second round (<see cref="TallSkinnyQr.Scores"/>).
    /// </summary>
    public static ScoreBasis Solve(QrPart total, IReadOnlyList<string> names, OlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(options);
        if (total.Observations == 0)
        {
            throw new InsufficientDataException("The sample is empty: no rows have all the variables; widen the sample (economies, years).");
        }

        return LeastSquares.Solve(total, names, 0, options.DropCollinear, options.CollinearityTolerance).Basis;
    }

    /// <summary>The fit from the combined part and the score parts (one per cluster for cluster covariances; any split for HC).</summary>
    public static OlsFit Finish(QrPart total, IReadOnlyList<ScorePart> scores, IReadOnlyList<string> names, OlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(options);
        return LinearModel.Assemble(total, scores, names, options, dummies: 0, panel: false);
    }

    /// <summary>Score parts of one process's rows: one per cluster, or a single part for HC.</summary>
    internal static ScorePart[] ScoreParts(double[,] x, double[] y, ScoreBasis basis, CovarianceKind kind, int[]? clusters)
    {
        if (!LinearModel.IsCluster(kind))
        {
            return [TallSkinnyQr.Scores(x, y, basis)];
        }

        if (clusters is null || clusters.Length != y.Length)
        {
            throw new ArgumentException($"Covariance {kind} needs one cluster id per row.", nameof(clusters));
        }

        return ClusterScores.FromRows(x, y, clusters, basis);
    }
}
