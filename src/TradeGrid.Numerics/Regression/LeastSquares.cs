using TradeGrid.Domain;

namespace TradeGrid.Numerics.Regression;

/// <summary>
/// Rank decisions and the solve on the small (k+1)×(k+1) factor of [X y].
/// Column j is dependent when the part of it not explained by the earlier kept columns is small:
/// |R_jj| ≤ tolerance·‖x_j‖, the sine of its angle to their span (R's lm uses the same test, with
/// tolerance 1e-7, in dqrdc2's limited pivoting, which also moves dependent columns to the end).
/// The test is invariant to column scale, so log GDP in dollars next to a ratio is not mistaken for collinearity.
/// </summary>
internal static class LeastSquares
{
    /// <summary>
    /// Solves with the rank rule; <paramref name="norms"/> (k entries), when given, replaces the columns' norms in it: those
    /// of columns from which absorbed effects were projected out before the QR (<see cref="Panel.EffectAbsorber"/>).
    /// </summary>
    public static LeastSquaresSolution Solve(QrPart total, IReadOnlyList<string> names, int nuisance, bool dropCollinear, double tolerance, double[]? norms = null)
    {
        int k = total.Columns;
        if (names.Count != k)
        {
            throw new ArgumentException($"{names.Count} names for {k} columns.", nameof(names));
        }

        // Refuse N ≤ K before the rank test, which would otherwise report the surplus columns as collinear.
        // Silently droppable columns (year dummies) are not counted: some of them may go.
        int atLeast = k - nuisance + total.Groups;
        if (total.Observations <= atLeast)
        {
            throw new InsufficientDataException(
                $"{total.Observations} observations for at least {atLeast} parameters ({k - nuisance} coefficients, {total.Groups} fixed effects): "
                + "N must exceed K; widen the sample or drop regressors.");
        }

        double[] aug = TallSkinnyQr.Augmented(total);
        double[] columnNorms = ColumnNorms(aug, k + 1);
        if (norms is not null)
        {
            Array.Copy(norms, columnNorms, k);
        }

        List<int> retained = Enumerable.Range(0, k).ToList();
        var dropped = new List<int>();
        double[] w;
        while (true)
        {
            w = Factor(aug, k + 1, retained);
            int bad = FirstDependent(w, k + 1, retained, columnNorms, tolerance);
            if (bad < 0)
            {
                break;
            }

            int column = retained[bad];
            if (column < nuisance || dropCollinear)
            {
                dropped.Add(column);
                retained.RemoveAt(bad);
                continue;
            }

            throw new SingularDesignException(Describe(w, k + 1, retained, bad, columnNorms, names));
        }

        int r = retained.Count;
        int m = k + 1;
        var b = new double[r];
        for (int i = r - 1; i >= 0; i--)
        {
            double s = w[r * m + i];
            for (int j = i + 1; j < r; j++)
            {
                s -= w[j * m + i] * b[j];
            }

            b[i] = s / w[i * m + i];
        }

        var beta = new double[k];
        for (int j = 0; j < r; j++)
        {
            beta[retained[j]] = b[j];
        }

        double rss = w[r * m + r] * w[r * m + r];
        double[] bread = Bread(w, m, r);
        if (total.AugmentedLow is { } low && r == k)
        {
            // The factor was computed in double-double: solve and invert it in double-double too, so the digits it kept survive.
            (double[] accurate, bread, rss) = CompensatedQr.Solve(aug, low, k);
            accurate.CopyTo(beta, 0);
        }

        var factor = new double[r * r];
        for (int i = 0; i < r; i++)
        {
            for (int j = i; j < r; j++)
            {
                factor[i * r + j] = w[j * m + i];
            }
        }

        return new LeastSquaresSolution(retained.ToArray(), dropped.ToArray(), beta, bread, rss, factor);
    }

    /// <summary>RSS of y on a subset of the columns: the total sum of squares against the nuisance columns (intercept, year dummies).</summary>
    public static double ResidualSquares(QrPart total, IReadOnlyList<int> columns, double tolerance)
    {
        int k = total.Columns;
        double[] aug = TallSkinnyQr.Augmented(total);
        double[] norms = ColumnNorms(aug, k + 1);
        List<int> kept = columns.ToList();
        while (true)
        {
            double[] w = Factor(aug, k + 1, kept);
            int bad = FirstDependent(w, k + 1, kept, norms, tolerance);
            if (bad < 0)
            {
                int r = kept.Count;
                return w[r * (k + 1) + r] * w[r * (k + 1) + r];
            }

            kept.RemoveAt(bad);
        }
    }

    private static double[] ColumnNorms(double[] aug, int m)
    {
        var norms = new double[m];
        var column = new double[m];
        for (int j = 0; j < m; j++)
        {
            for (int i = 0; i < m; i++)
            {
                column[i] = aug[i * m + j];
            }

            norms[j] = Householder.Norm(column);
        }

        return norms;
    }

    /// <summary>Column-major m×(r+1) QR factor of the chosen columns of the augmented factor followed by its y column.</summary>
    private static double[] Factor(double[] aug, int m, IReadOnlyList<int> columns)
    {
        int r = columns.Count;
        var a = new double[m * (r + 1)];
        for (int j = 0; j <= r; j++)
        {
            int source = j < r ? columns[j] : m - 1;
            for (int i = 0; i <= source; i++)
            {
                a[j * m + i] = aug[i * m + source];
            }
        }

        Householder.Triangularize(a, m, r + 1);
        return a;
    }

    private static int FirstDependent(double[] w, int m, IReadOnlyList<int> columns, double[] norms, double tolerance)
    {
        for (int j = 0; j < columns.Count; j++)
        {
            double norm = norms[columns[j]];
            if (norm == 0.0 || Math.Abs(w[j * m + j]) <= tolerance * norm)
            {
                return j;
            }
        }

        return -1;
    }

    private static string Describe(double[] w, int m, IReadOnlyList<int> columns, int bad, double[] norms, IReadOnlyList<string> names)
    {
        string name = names[columns[bad]];
        if (norms[columns[bad]] == 0.0)
        {
            return $"Column '{name}' is zero in the sample (all zero, or constant within the fixed-effect groups); "
                + "drop it, or ask for collinear columns to be dropped.";
        }

        // z solves R[0:bad, 0:bad] z = R[0:bad, bad]: x_bad ≈ Σ z_i x_i; report the columns that carry weight.
        var z = new double[bad];
        for (int i = bad - 1; i >= 0; i--)
        {
            double s = w[bad * m + i];
            for (int j = i + 1; j < bad; j++)
            {
                s -= w[j * m + i] * z[j];
            }

            z[i] = s / w[i * m + i];
        }

        var involved = new List<string>();
        for (int i = 0; i < bad; i++)
        {
            if (Math.Abs(z[i]) * norms[columns[i]] > 1e-6 * norms[columns[bad]])
            {
                involved.Add(names[columns[i]]);
            }
        }

        double sine = Math.Abs(w[bad * m + bad]) / norms[columns[bad]];
        if (involved.Count == 0)
        {
            return $"Column '{name}' is collinear with the fixed effects (within {sine:G3} of their span): it varies only with the "
                + "absorbed effects; drop it, or ask for collinear columns to be dropped.";
        }

        involved.Add(name);
        sine = Math.Abs(w[bad * m + bad]) / norms[columns[bad]];
        return $"Columns [{string.Join(", ", involved)}] are collinear (column '{name}' is within {sine:G3} of the span of the others); "
            + "drop one of them, or ask for collinear columns to be dropped.";
    }

    /// <summary>(X'X)⁻¹ = R⁻¹R⁻ᵀ from the r×r leading block of the column-major factor.</summary>
    private static double[] Bread(double[] w, int m, int r)
    {
        // Inverse of an upper-triangular matrix by columns, then the product with its transpose.
        var inv = new double[r * r];
        for (int j = 0; j < r; j++)
        {
            inv[j * r + j] = 1.0 / w[j * m + j];
            for (int i = j - 1; i >= 0; i--)
            {
                double s = 0.0;
                for (int l = i + 1; l <= j; l++)
                {
                    s += w[l * m + i] * inv[l * r + j];
                }

                inv[i * r + j] = -s / w[i * m + i];
            }
        }

        var bread = new double[r * r];
        for (int a = 0; a < r; a++)
        {
            for (int b = a; b < r; b++)
            {
                double s = 0.0;
                for (int l = Math.Max(a, b); l < r; l++)
                {
                    s += inv[a * r + l] * inv[b * r + l];
                }

                bread[a * r + b] = s;
                bread[b * r + a] = s;
            }
        }

        return bread;
    }
}
