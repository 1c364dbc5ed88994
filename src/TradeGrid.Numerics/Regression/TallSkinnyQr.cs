using System.Runtime.CompilerServices;
using TradeGrid.Domain;

namespace TradeGrid.Numerics.Regression;

/// <summary>
/// Tall-skinny QR (Demmel et al. 2012, "Communication-optimal parallel and sequential QR"): each block
/// factors its own rows, the coordinator stacks the small factors and factors them again. The result is the
/// R factor of all rows (up to row signs), so the fit equals a single-process QR fit to rounding.
/// </summary>
public static class TallSkinnyQr
{
    /// <summary>
    /// Factors one block's rows [√w·X  √w·y]; <paramref name="weights"/> empty means unit weights.
    /// <paramref name="groups"/> counts fixed-effect groups already absorbed in these rows (carried for degrees of freedom).
    /// </summary>
    public static QrPart Local(double[,] x, ReadOnlySpan<double> y, ReadOnlySpan<double> weights = default, int groups = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.GetLength(0);
        if (y.Length != n)
        {
            throw new ArgumentException($"y has {y.Length} rows, x has {n}.", nameof(y));
        }

        if (!weights.IsEmpty && weights.Length != n)
        {
            throw new ArgumentException($"weights has {weights.Length} rows, x has {n}.", nameof(weights));
        }

        return RowQr.FactorRows(x, y.ToArray(), weights.IsEmpty ? null : weights.ToArray(), groups);
    }

    /// <summary>Combines blocks' parts into the part of all their rows: stack the factors and factor again.</summary>
    public static QrPart Combine(IReadOnlyList<QrPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new InsufficientDataException("No blocks to combine: the sample is empty; widen the sample.");
        }

        int k = parts[0].Columns;
        int k1 = k + 1;
        int m = parts.Count * k1;
        var a = new double[m * k1];
        int observations = 0;
        int groups = 0;
        double yty = 0.0;
        double mean = 0.0;
        double centred = 0.0;
        for (int p = 0; p < parts.Count; p++)
        {
            QrPart part = parts[p];
            if (part.Columns != k)
            {
                throw new ArgumentException($"Part {p} has {part.Columns} columns, part 0 has {k}.", nameof(parts));
            }

            double[] aug = Augmented(part);
            for (int i = 0; i < k1; i++)
            {
                for (int j = i; j < k1; j++)
                {
                    a[j * m + p * k1 + i] = aug[i * k1 + j];
                }
            }

            if (part.Observations > 0)
            {
                // Chan, Golub and LeVeque's pairwise update: no cancellation when the blocks' means differ.
                double total = observations + part.Observations;
                double delta = part.YMean - mean;
                centred += part.YCentredSquares + delta * delta * observations * part.Observations / total;
                mean += delta * part.Observations / total;
            }

            observations += part.Observations;
            groups += part.Groups;
            yty += part.Yty;
        }

        Householder.Triangularize(a, m, k1);
        return FromAugmented(Householder.UpperRowMajor(a, m, k1), k, observations, groups, yty) with { YMean = mean, YCentredSquares = centred };
    }

    /// <summary>
    /// Second round, given the coordinator's <paramref name="basis"/>: the block's whitened score sum and HC meat,
    /// with residuals e = y − Xβ. A cluster covariance needs only the sum: <paramref name="meat"/> false skips the
    /// per-row whitening (O(n·r²)) and leaves <see cref="ScorePart.Meat"/> empty.
    /// </summary>
    public static ScorePart Scores(double[,] x, ReadOnlySpan<double> y, ScoreBasis basis, bool meat = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(basis);
        int n = x.GetLength(0);
        int k = x.GetLength(1);
        if (y.Length != n || basis.Beta.Length != k)
        {
            throw new ArgumentException($"x is {n}×{k}, y has {y.Length} rows, beta {basis.Beta.Length} entries.", nameof(basis));
        }

        if (!meat)
        {
            return ScoreSum(x, y, basis);
        }

        // The residuals go to the rows' pass as they are (ScoresOfResiduals would copy a caller's span).
        return RowQr.Scores(n, k, Reader(x), Residuals(x, y, basis.Beta), basis, meat);
    }

    /// <summary>
    /// <see cref="Scores"/> without the meat (a cluster's score sum) in one pass over the rows: each residual is
    /// computed as <see cref="Residuals"/> does and added to the sums as <see cref="RowQr.Scores"/> does, in the same
    /// order, so the result is the same bit for bit, without a residual array, its copy or a row copied per call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ScorePart ScoreSum(double[,] x, ReadOnlySpan<double> y, ScoreBasis basis)
    {
        int n = x.GetLength(0);
        int k = x.GetLength(1);
        ReadOnlySpan<double> beta = basis.Beta;
        int[] retained = basis.Retained;
        int r = retained.Length;
        var sum = new double[r];
        double squares = 0.0;
        for (int i = 0; i < n; i++)
        {
            double fitted = 0.0;
            for (int j = 0; j < k; j++)
            {
                fitted += x[i, j] * beta[j];
            }

            double ei = y[i] - fitted;
            squares += ei * ei;
            for (int j = 0; j < r; j++)
            {
                sum[j] += x[i, retained[j]] * ei;
            }
        }

        // R⁻ᵀ is linear, so the sum is whitened once, after summing.
        Triangular.SolveTransposed(basis.R, r, sum);
        return new ScorePart(n, sum, [], squares);
    }

    /// <summary>
    /// The block's whitened scores for given per-row multipliers eᵢ (OLS residuals; y − μ for PPML, with x the
    /// weighted-demeaned rows): ScoreSum = Σ uᵢ and, when <paramref name="meat"/>, Meat = Σ uᵢuᵢ' with
    /// uᵢ = R⁻ᵀ xᵢ eᵢ over the kept columns. The sum is whitened once, after summing: R⁻ᵀ is linear.
    /// </summary>
    public static ScorePart ScoresOfResiduals(double[,] x, ReadOnlySpan<double> e, ScoreBasis basis, bool meat = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(basis);
        int n = x.GetLength(0);
        if (e.Length != n)
        {
            throw new ArgumentException($"x has {n} rows, e has {e.Length}.", nameof(e));
        }

        int k = x.GetLength(1);
        return RowQr.Scores(n, k, Reader(x), e.ToArray(), basis, meat);
    }

    /// <summary>One process's rows split into clusters: each cluster's whitened score sum, without copying rows.</summary>
    internal static ScorePart[] ByCluster(double[,] x, double[] e, IReadOnlyList<int[]> clusters, ScoreBasis basis) =>
        RowQr.ByCluster(x.GetLength(1), Reader(x), e, clusters, basis);

    private static RowWriter Reader(double[,] x) => (i, row) =>
    {
        for (int j = 0; j < row.Length; j++)
        {
            row[j] = x[i, j];
        }
    };

    /// <summary>Residuals y − Xβ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double[] Residuals(double[,] x, ReadOnlySpan<double> y, ReadOnlySpan<double> beta)
    {
        int n = x.GetLength(0);
        int k = x.GetLength(1);
        var residuals = new double[n];
        for (int i = 0; i < n; i++)
        {
            double fitted = 0.0;
            for (int j = 0; j < k; j++)
            {
                fitted += x[i, j] * beta[j];
            }

            residuals[i] = y[i] - fitted;
        }

        return residuals;
    }

    /// <summary>The (k+1)×(k+1) row-major factor of [X y] that a part stands for.</summary>
    internal static double[] Augmented(QrPart part)
    {
        int k = part.Columns;
        int k1 = k + 1;
        var aug = new double[k1 * k1];
        for (int i = 0; i < k; i++)
        {
            for (int j = i; j < k; j++)
            {
                aug[i * k1 + j] = part.R[i * k + j];
            }

            aug[i * k1 + k] = part.Qty[i];
        }

        aug[k * k1 + k] = part.ResidualNorm;
        return aug;
    }

    internal static QrPart FromAugmented(double[] augmented, int k, int observations, int groups, double yty)
    {
        int k1 = k + 1;
        var r = new double[k * k];
        var qty = new double[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = i; j < k; j++)
            {
                r[i * k + j] = augmented[i * k1 + j];
            }

            qty[i] = augmented[i * k1 + k];
        }

        return new QrPart(observations, groups, k, r, qty, Math.Abs(augmented[k * k1 + k]), yty, 0.0, 0.0);
    }
}
