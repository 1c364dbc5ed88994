using TradeGrid.Domain;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// The final round of <see cref="NewtonPpml"/> at the converged θ, exact: μ and each entity's moments in a first pass;
/// the year effects' projection Γ of the entity-demeaned slopes (<see cref="DroppingCholesky"/>, as
/// <see cref="EffectAbsorber"/>); then the fully absorbed rows √μ·x̃ factored by chunked Householder QR (the bread's R, as
/// the QR path computes it, never from the normal equations) and the scores x̃ᵢ(yᵢ − μᵢ). Returns null when a year
/// dummy or a slope would be dropped: the QR path decides such designs and words the refusal.
/// </summary>
internal static class GroupedFinalRound
{
    public static (ScoreBasis Basis, ScorePart[] Scores, double[] Mu, int YearEffects)? Run(
        GroupedRows rows, double[] theta, IReadOnlyList<string> names, PoissonOptions options, int[] clusterIds)
    {
        int k = rows.K;
        int q = rows.Q;
        (NewtonSystem total, GroupMoments moments) = Moments(rows, theta, parallel: true);
        double[]? gamma = total.YearProjection(options.CollinearityTolerance);
        if (gamma is null)
        {
            return null;
        }

        var scores = new double[rows.Rows * k];
        QrPart qr = Factor(rows, moments, gamma, scores, parallel: true);
        ScoreBasis? basis = Basis(qr, theta, q, names, options, total.SlopeNorms());
        if (basis is null)
        {
            return null;
        }

        var mu = new double[rows.Rows];
        for (int i = 0; i < rows.Rows; i++)
        {
            mu[rows.Source[i]] = moments.Mu[i];
        }

        return (basis, ScoreParts(rows, scores, basis, options.Covariance, clusterIds), mu, q);
    }

    /// <summary>Pass one: the step's system at θ over every chunk (summed in chunk order), with μ and the entities' moments kept.</summary>
    public static (NewtonSystem Total, GroupMoments Moments) Moments(GroupedRows rows, double[] theta, bool parallel)
    {
        int chunks = rows.Chunks.Length - 1;
        var moments = new GroupMoments(rows.Rows, rows.Groups, rows.K);
        var systems = new NewtonSystem[chunks];
        Work.For(chunks, parallel ? rows.Rows : 0, c => systems[c] = NewtonStep.Chunk(rows, theta, c, moments));

        return (NewtonSystem.Sum(systems), moments);
    }

    /// <summary>
    /// The basis of the final round from the combined factor: the slopes of θ and R of the absorbed design, or null when
    /// the rank rule (with the norms before the year projection) would drop a slope.
    /// </summary>
    public static ScoreBasis? Basis(QrPart qr, double[] theta, int q, IReadOnlyList<string> names, PoissonOptions options, double[] norms)
    {
        LeastSquaresSolution solution;
        try
        {
            solution = LeastSquares.Solve(qr, names, 0, dropCollinear: false, options.CollinearityTolerance, norms);
        }
        catch (SingularDesignException)
        {
            return null;
        }

        return solution.Retained.Length == qr.Columns ? new ScoreBasis(theta[q..], solution.Retained, solution.Factor) : null;
    }

    /// <summary>
    /// Pass two: x̃ᵢ = (xᵢ − x̄_g) − (Γ_tᵢ − Γ̄_g) with Γ̄_g the entity's μ-weighted mean of its years' Γ (the projection
    /// <see cref="EffectAbsorber"/> applies), its scores x̃ᵢ(yᵢ − μᵢ) kept per row, and the rows [√μ x̃, (y − μ)/√μ]
    /// factored chunk by chunk, the chunks' factors stacked in chunk order and factored again.
    /// </summary>
    public static QrPart Factor(GroupedRows rows, GroupMoments moments, double[] gamma, double[] scores, bool parallel)
    {
        int k = rows.K;
        int k1 = k + 1;
        int chunks = rows.Chunks.Length - 1;
        int stackRows = chunks * k1;
        var stack = new double[stackRows * k1];
        var squares = new double[chunks];
        void FactorChunk(int c)
        {
            int firstRow = rows.Start[rows.Chunks[c]];
            int m = rows.Start[rows.Chunks[c + 1]] - firstRow;
            var a = new double[m * k1];
            var shift = new double[k];
            double yty = 0.0;
            for (int g = rows.Chunks[c]; g < rows.Chunks[c + 1]; g++)
            {
                Array.Clear(shift);
                for (int i = rows.Start[g]; i < rows.Start[g + 1]; i++)
                {
                    int t = rows.Dummy[i];
                    for (int j = 0; t >= 0 && j < k; j++)
                    {
                        shift[j] += moments.Mu[i] * gamma[t * k + j];
                    }
                }

                for (int j = 0; j < k; j++)
                {
                    shift[j] /= moments.Weight[g];
                }

                for (int i = rows.Start[g]; i < rows.Start[g + 1]; i++)
                {
                    int t = rows.Dummy[i];
                    double mu = moments.Mu[i];
                    double root = Math.Sqrt(mu);
                    double e = rows.Y[i] - mu;
                    int row = i - firstRow;
                    for (int j = 0; j < k; j++)
                    {
                        double centred = moments.Varies[g * k + j] ? rows.X[i * k + j] - moments.Mean[g * k + j] : 0.0;
                        double x = centred - ((t >= 0 ? gamma[t * k + j] : 0.0) - shift[j]);
                        scores[i * k + j] = x * e;
                        a[j * m + row] = root * x;
                    }

                    double pearson = e / root;
                    a[k * m + row] = pearson;
                    yty += pearson * pearson;
                }
            }

            squares[c] = yty;
            Householder.Triangularize(a, m, k1);
            for (int l = 0; l < k1; l++)
            {
                for (int i = 0; i <= l && i < m; i++)
                {
                    stack[l * stackRows + c * k1 + i] = a[l * m + i];
                }
            }
        }

        Work.For(chunks, parallel ? rows.Rows : 0, FactorChunk);

        Householder.Triangularize(stack, stackRows, k1);
        double[] augmented = Householder.UpperRowMajor(stack, stackRows, k1);
        return TallSkinnyQr.FromAugmented(augmented, k, rows.Rows, rows.Groups, squares.Sum());
    }

    /// <summary>Whitened score sums per cluster (cluster covariances), or one part with the HC meat.</summary>
    public static ScorePart[] ScoreParts(GroupedRows rows, double[] scores, ScoreBasis basis, CovarianceKind kind, int[] clusterIds)
    {
        int k = rows.K;
        int n = rows.Rows;
        if (!LinearModel.IsCluster(kind))
        {
            var sum = new double[k];
            double[] meat = kind == CovarianceKind.Classical ? [] : new double[k * k];
            var u = new double[k];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < k; j++)
                {
                    u[j] = scores[i * k + j];
                    sum[j] += u[j];
                }

                if (meat.Length == 0)
                {
                    continue;
                }

                Triangular.SolveTransposed(basis.R, k, u);
                for (int a = 0; a < k; a++)
                {
                    for (int b = 0; b < k; b++)
                    {
                        meat[a * k + b] += u[a] * u[b];
                    }
                }
            }

            Triangular.SolveTransposed(basis.R, k, sum);
            return [new ScorePart(n, sum, meat, 0.0)];
        }

        var dense = new int[n];
        int clusters = DenseIds.Number(clusterIds, dense);
        var sums = new double[clusters * k];
        var counts = new int[clusters];
        for (int i = 0; i < n; i++)
        {
            int c = dense[rows.Source[i]];
            counts[c]++;
            for (int j = 0; j < k; j++)
            {
                sums[c * k + j] += scores[i * k + j];
            }
        }

        var parts = new ScorePart[clusters];
        for (int c = 0; c < clusters; c++)
        {
            double[] sum = sums[(c * k)..((c + 1) * k)];
            Triangular.SolveTransposed(basis.R, k, sum);
            parts[c] = new ScorePart(counts[c], sum, [], 0.0);
        }

        return parts;
    }
}
