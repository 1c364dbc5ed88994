using System.Runtime.CompilerServices;

namespace TradeGrid.Numerics.Regression;

/// <summary>
/// QR parts and score parts of a design that is produced row by row (weighted, demeaned, with dummies) instead of
/// stored: a PPML iteration then allocates O(chunk·K) and O(N), never a second N×K matrix.
/// </summary>
internal static class RowQr
{
    /// <summary>Rows per chunk: 2048 × (k+1) doubles stay in L2 for k up to ~30.</summary>
    private const int ChunkRows = 2048;

    /// <summary>
    /// TSQR within a block: rows go through in chunks that fit in cache, each chunk is factored on its own, and the
    /// chunks' factors are stacked and factored again. <paramref name="write"/> fills k + 1 values: X's row, then y.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static QrPart Factor(int n, int k, RowWriter write, int groups)
    {
        int k1 = k + 1;
        int chunk = Math.Max(ChunkRows, 4 * k1);
        int chunks = Math.Max(1, (n + chunk - 1) / chunk);
        if (chunks == 1)
        {
            chunk = n;
        }

        var buffer = new double[chunk * k1];
        double[] stack = chunks == 1 ? buffer : new double[chunks * k1 * k1];
        int stackRows = chunks * k1;
        Span<double> row = new double[k1];
        double yty = 0.0;
        double mean = 0.0;
        double centred = 0.0;
        for (int c = 0; c < chunks; c++)
        {
            int first = c * chunk;
            int m = Math.Min(chunk, n - first);
            for (int i = 0; i < m; i++)
            {
                write(first + i, row);
                for (int j = 0; j < k1; j++)
                {
                    buffer[j * m + i] = row[j];
                }

                yty += row[k] * row[k];
                double delta = row[k] - mean;
                mean += delta / (first + i + 1);
                centred += delta * (row[k] - mean);
            }

            Householder.Triangularize(buffer, m, k1);
            if (chunks > 1)
            {
                for (int l = 0; l < k1; l++)
                {
                    for (int i = 0; i <= l && i < m; i++)
                    {
                        stack[l * stackRows + c * k1 + i] = buffer[l * m + i];
                    }
                }
            }
        }

        double[] augmented;
        if (chunks == 1)
        {
            augmented = Householder.UpperRowMajor(buffer, n, k1);
        }
        else
        {
            Householder.Triangularize(stack, stackRows, k1);
            augmented = Householder.UpperRowMajor(stack, stackRows, k1);
        }

        return TallSkinnyQr.FromAugmented(augmented, k, n, groups, yty) with { YMean = mean, YCentredSquares = centred };
    }

    /// <summary>
    /// <see cref="Factor"/> for column-major columns (X's k columns, then y), rows scaled by √w when
    /// <paramref name="weights"/> is given.
    /// </summary>
    public static QrPart FactorColumns(double[][] columns, double[]? weights, int groups)
    {
        return FactorChunks(columns[0].Length, columns.Length, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, m, a) =>
        {
            // The chunk's √w go in the last column's place first (no array of N roots per call), then each column is
            // scaled, the last one over its own roots.
            int last = (columns.Length - 1) * m;
            if (weights is not null)
            {
                for (int i = 0; i < m; i++)
                {
                    a[last + i] = Math.Sqrt(weights[first + i]);
                }
            }

            for (int j = 0; j < columns.Length; j++)
            {
                double[] column = columns[j];
                int o = j * m;
                for (int i = 0; i < m; i++)
                {
                    a[o + i] = weights is null ? column[first + i] : a[last + i] * column[first + i];
                }
            }
        }, groups);
    }

    /// <summary><see cref="Factor"/> for a row-major x and y, rows scaled by √w when <paramref name="weights"/> is given.</summary>
    public static QrPart FactorRows(double[,] x, double[] y, double[]? weights, int groups)
    {
        int k = x.GetLength(1);
        return FactorChunks(y.Length, k + 1, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (first, m, a) =>
        {
            for (int i = 0; i < m; i++)
            {
                int row = first + i;
                double s = weights is null ? 1.0 : Math.Sqrt(weights[row]);
                for (int j = 0; j < k; j++)
                {
                    a[j * m + i] = s * x[row, j];
                }

                a[k * m + i] = s * y[row];
            }
        }, groups);
    }

    /// <summary>
    /// The chunked TSQR of <see cref="Factor"/> with the chunks filled column-major by <paramref name="fill"/> and factored
    /// in parallel: each chunk writes its own rows of the stack, so the factor does not depend on the schedule. The
    /// moments of y combine per chunk (Chan, Golub and LeVeque), in chunk order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static QrPart FactorChunks(int n, int k1, Action<int, int, double[]> fill, int groups)
    {
        int k = k1 - 1;
        int chunk = Math.Max(ChunkRows, 4 * k1);
        int chunks = Math.Max(1, (n + chunk - 1) / chunk);
        if (chunks == 1)
        {
            chunk = n;
        }

        int stackRows = chunks * k1;
        var stack = new double[chunks == 1 ? 0 : stackRows * k1];
        double[] single = chunks == 1 ? new double[n * k1] : [];
        var moments = new double[chunks * 3];
        Work.For(chunks, (long)n * k1, () => chunks == 1 ? single : new double[chunk * k1], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (c, a) =>
        {
            int first = c * chunk;
            int m = Math.Min(chunk, n - first);
            fill(first, m, a);
            // Two passes over the chunk's y while it is in cache: the sum, then the centred squares (no division per row).
            ReadOnlySpan<double> response = a.AsSpan(k * m, m);
            double yty = Householder.Dot(response, response);
            double sum = 0.0;
            foreach (double v in response)
            {
                sum += v;
            }

            double mean = sum / m;
            double centred = 0.0;
            foreach (double v in response)
            {
                centred += (v - mean) * (v - mean);
            }

            moments[3 * c] = yty;
            moments[3 * c + 1] = mean;
            moments[3 * c + 2] = centred;
            Householder.Triangularize(a, m, k1);
            if (chunks > 1)
            {
                for (int l = 0; l < k1; l++)
                {
                    for (int i = 0; i <= l && i < m; i++)
                    {
                        stack[l * stackRows + c * k1 + i] = a[l * m + i];
                    }
                }
            }
        });

        double[] augmented;
        if (chunks == 1)
        {
            augmented = Householder.UpperRowMajor(single, n, k1);
        }
        else
        {
            Householder.Triangularize(stack, stackRows, k1);
            augmented = Householder.UpperRowMajor(stack, stackRows, k1);
        }

        double total = 0.0;
        double squares = 0.0;
        double overall = 0.0;
        double spread = 0.0;
        for (int c = 0; c < chunks; c++)
        {
            double m = Math.Min(chunk, n - c * chunk);
            squares += moments[3 * c];
            double delta = moments[3 * c + 1] - overall;
            spread += moments[3 * c + 2] + (total == 0.0 ? 0.0 : delta * delta * total * m / (total + m));
            overall += delta * m / (total + m);
            total += m;
        }

        return TallSkinnyQr.FromAugmented(augmented, k, n, groups, squares) with { YMean = overall, YCentredSquares = spread };
    }

    /// <summary>Whitened score sum (and, when <paramref name="meat"/>, HC meat) of rows that <paramref name="write"/> fills with k values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ScorePart Scores(int n, int k, RowWriter write, double[] e, ScoreBasis basis, bool meat)
    {
        int r = basis.Retained.Length;
        var sum = new double[r];
        double[] products = meat ? new double[r * r] : [];
        var u = new double[r];
        var row = new double[k];
        double squares = 0.0;
        for (int i = 0; i < n; i++)
        {
            write(i, row);
            double ei = e[i];
            squares += ei * ei;
            for (int j = 0; j < r; j++)
            {
                u[j] = row[basis.Retained[j]] * ei;
                sum[j] += u[j];
            }

            if (!meat)
            {
                continue;
            }

            Triangular.SolveTransposed(basis.R, r, u);
            for (int a = 0; a < r; a++)
            {
                for (int b = a; b < r; b++)
                {
                    products[a * r + b] += u[a] * u[b];
                }
            }
        }

        if (meat)
        {
            for (int a = 0; a < r; a++)
            {
                for (int b = 0; b < a; b++)
                {
                    products[a * r + b] = products[b * r + a];
                }
            }
        }

        // R⁻ᵀ is linear, so the sum is whitened once, after summing.
        Triangular.SolveTransposed(basis.R, r, sum);
        return new ScorePart(n, sum, products, squares);
    }

    /// <summary>Each cluster's whitened score sum, for rows listed per cluster.</summary>
    public static ScorePart[] ByCluster(int k, RowWriter write, double[] e, IReadOnlyList<int[]> clusters, ScoreBasis basis)
    {
        int r = basis.Retained.Length;
        var parts = new ScorePart[clusters.Count];
        var row = new double[k];
        for (int c = 0; c < clusters.Count; c++)
        {
            var sum = new double[r];
            double squares = 0.0;
            foreach (int i in clusters[c])
            {
                write(i, row);
                double ei = e[i];
                squares += ei * ei;
                for (int j = 0; j < r; j++)
                {
                    sum[j] += row[basis.Retained[j]] * ei;
                }
            }

            Triangular.SolveTransposed(basis.R, r, sum);
            parts[c] = new ScorePart(clusters[c].Length, sum, [], squares);
        }

        return parts;
    }
}
