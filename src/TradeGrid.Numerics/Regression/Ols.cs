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
        if (CompensatedQr.Needed(total))
        {
            // The double fit's error bound exceeds 1e-9 (ill-conditioned, or a large residual on a poorly conditioned design): refactor in double-double.
            total = CompensatedQr.Local(x, y);
        }

        return FitPart(total, x, y, names, options, clusters);
    }

    /// <summary>
    /// A raw polynomial in one variable, y on [1,] x, x², …, x^degree (R's lm(y ~ poly(x, degree, raw = TRUE)), names
    /// "(Intercept)", "x", "x^2", …), always through the double-double factor with the powers formed in double-double:
    /// rounding x^k to a double perturbs the design by 2⁻⁵³ relative, which on NIST's Filip (degree 10) alone limits any
    /// solver to 7.6 correct digits, while the exact powers of the (double) x allow 14.
    /// </summary>
    public static OlsFit FitPolynomial(double[] x, double[] y, int degree, bool intercept, OlsOptions options, int[]? clusters = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(options);
        if (degree < 1 || x.Length != y.Length)
        {
            throw new ArgumentException($"A polynomial needs degree ≥ 1 (got {degree}) and one x per y ({x.Length} x, {y.Length} y).", nameof(degree));
        }

        int offset = intercept ? 1 : 0;
        int k = degree + offset;
        var design = new double[x.Length, k];
        var exact = new DoubleDouble[x.Length * k];
        for (int i = 0; i < x.Length; i++)
        {
            DoubleDouble power = 1.0;
            for (int j = 0; j < k; j++)
            {
                if (j >= offset)
                {
                    power *= x[i];
                }

                exact[j * x.Length + i] = power;
                design[i, j] = power.Hi;
            }
        }

        string[] names = Enumerable.Range(0, k).Select(j => intercept && j == 0 ? "(Intercept)"
            : j - offset == 0 ? "x" : "x^" + (j - offset + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        options.Validate(k);
        options = options with { InterceptColumn = intercept ? 0 : -1 };
        return FitPart(CompensatedQr.Local(design, y, exact), design, y, names, options, clusters);
    }

    private static OlsFit FitPart(QrPart total, double[,] x, double[] y, IReadOnlyList<string> names, OlsOptions options, int[]? clusters)
    {
        if (y.Length == 0)
        {
            throw new InsufficientDataException("The sample is empty: no rows have all the variables; widen the sample (economies, years).");
        }

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
