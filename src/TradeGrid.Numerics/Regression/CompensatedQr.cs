namespace TradeGrid.Numerics.Regression;

/// <summary>
/// The factor of one process's rows [X y] by Householder QR carried out in double-double arithmetic (about 32 digits),
/// for designs so ill-conditioned that a double QR loses the digits the answer needs: the NIST StRD polynomial sets
/// (Filip, condition number about 1.8e15; Wampler4 and 5) lose cond·2⁻⁵³ relative in double but keep their full double
/// precision here. Rounded to doubles, the factor keeps each entry's leading digits, a componentwise perturbation far
/// smaller than the normwise backward error of a double QR; the solve and the inverse run in double-double too
/// (<see cref="LeastSquares"/>, when no column is dropped). About 20 times the work of the double QR, so
/// <see cref="Ols.Fit"/> takes this path only when the error bound of the double fit exceeds <see cref="Risk"/>
/// (<see cref="Needed"/>); well-conditioned fits keep the fast path.
/// </summary>
internal static class CompensatedQr
{
    /// <summary>The bound on the double fit's relative error above which the factor is recomputed in double-double.</summary>
    public const double Risk = 1e-9;

    /// <summary>Largest n·(k+1)² refactored in double-double.</summary>
    public const double MaxWork = 1e8;

    /// <summary>
    /// Whether the double factor of <paramref name="part"/> may have lost the digits a fit needs: the classical bound on
    /// the relative error of least squares by QR, u·κ·(1 + κ·‖r‖/‖Q'y‖) (Golub and Van Loan, Theorem 5.3.1; u = 2⁻⁵³,
    /// κ the condition number of the column-equilibrated factor, estimated by Frobenius norms), above 1e-9; and the
    /// design small enough that double-double costs little (n·(k+1)² ≤ 1e8: about a second at worst).
    /// </summary>
    public static bool Needed(QrPart part)
    {
        int k = part.Columns;
        if (k == 0 || (double)part.Observations * (k + 1) * (k + 1) > MaxWork)
        {
            return false;
        }

        // Columns of R scaled to unit norm (QR keeps the columns' norms), then the inverse of that triangle.
        var scaled = new double[k * k];
        for (int j = 0; j < k; j++)
        {
            double norm = 0.0;
            for (int i = 0; i <= j; i++)
            {
                norm += part.R[i * k + j] * part.R[i * k + j];
            }

            norm = Math.Sqrt(norm);
            if (norm == 0.0 || part.R[j * k + j] == 0.0)
            {
                return true;
            }

            for (int i = 0; i <= j; i++)
            {
                scaled[i * k + j] = part.R[i * k + j] / norm;
            }
        }

        double inverseSquares = 0.0;
        var inverse = new double[k];
        for (int j = 0; j < k; j++)
        {
            // Column j of the inverse: solve the triangle against e_j.
            Array.Clear(inverse);
            inverse[j] = 1.0 / scaled[j * k + j];
            inverseSquares += inverse[j] * inverse[j];
            for (int i = j - 1; i >= 0; i--)
            {
                double s = 0.0;
                for (int l = i + 1; l <= j; l++)
                {
                    s += scaled[i * k + l] * inverse[l];
                }

                inverse[i] = -s / scaled[i * k + i];
                inverseSquares += inverse[i] * inverse[i];
            }
        }

        double kappa = Math.Sqrt(k * inverseSquares); // ‖R̂‖_F = √k for unit columns
        double fitted = Math.Sqrt(part.Qty.Sum(q => q * q));
        double residual = fitted > 0.0 ? part.ResidualNorm / fitted : 1.0;
        return Math.ScaleB(1.0, -53) * kappa * (1.0 + kappa * residual) > Risk;
    }

    /// <summary>
    /// Coefficients, (X'X)⁻¹ = R⁻¹R⁻ᵀ and the RSS from the double-double augmented factor (row-major (k+1)², its high
    /// parts <paramref name="high"/> and low parts <paramref name="low"/>), rounded to doubles at the end.
    /// </summary>
    public static (double[] Beta, double[] Bread, double Rss) Solve(double[] high, double[] low, int k)
    {
        int m = k + 1;
        DoubleDouble At(int i, int j) => new(high[i * m + j], low[i * m + j]);
        var b = new DoubleDouble[k];
        for (int i = k - 1; i >= 0; i--)
        {
            DoubleDouble s = At(i, k);
            for (int j = i + 1; j < k; j++)
            {
                s -= At(i, j) * b[j];
            }

            b[i] = s / At(i, i);
        }

        var inv = new DoubleDouble[k * k];
        for (int j = 0; j < k; j++)
        {
            inv[j * k + j] = 1.0 / At(j, j);
            for (int i = j - 1; i >= 0; i--)
            {
                DoubleDouble s = DoubleDouble.Zero;
                for (int l = i + 1; l <= j; l++)
                {
                    s += At(i, l) * inv[l * k + j];
                }

                inv[i * k + j] = -s / At(i, i);
            }
        }

        var bread = new double[k * k];
        for (int a = 0; a < k; a++)
        {
            for (int c = a; c < k; c++)
            {
                DoubleDouble s = DoubleDouble.Zero;
                for (int l = Math.Max(a, c); l < k; l++)
                {
                    s += inv[a * k + l] * inv[c * k + l];
                }

                bread[a * k + c] = s.Hi;
                bread[c * k + a] = s.Hi;
            }
        }

        DoubleDouble rho = At(k, k);
        return (b.Select(v => v.Hi).ToArray(), bread, (rho * rho).Hi);
    }

    /// <summary>
    /// The part of the rows, factored in double-double and rounded; y's moments summed in double-double.
    /// <paramref name="exact"/> (column-major n×k), when given, holds the design in double-double (powers formed exactly)
    /// in place of <paramref name="x"/>.
    /// </summary>
    public static QrPart Local(double[,] x, double[] y, DoubleDouble[]? exact = null)
    {
        int n = y.Length;
        int k = x.GetLength(1);
        int c = k + 1;
        var a = new DoubleDouble[n * c];
        DoubleDouble sum = DoubleDouble.Zero, yty = DoubleDouble.Zero;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < k; j++)
            {
                a[j * n + i] = exact is null ? x[i, j] : exact[j * n + i];
            }

            a[k * n + i] = y[i];
            sum += y[i];
            yty += new DoubleDouble(y[i], 0.0) * y[i];
        }

        DoubleDouble mean = sum / n;
        DoubleDouble centred = DoubleDouble.Zero;
        for (int i = 0; i < n; i++)
        {
            DoubleDouble d = y[i] - mean;
            centred += d * d;
        }

        Triangularize(a, n, c);
        var augmented = new double[c * c];
        var low = new double[c * c];
        for (int i = 0; i < Math.Min(n, c); i++)
        {
            for (int j = i; j < c; j++)
            {
                augmented[i * c + j] = a[j * n + i].Hi;
                low[i * c + j] = a[j * n + i].Lo;
            }
        }

        if (augmented[c * c - 1] < 0.0)
        {
            // The part stores ρ = |R[k,k]|: the low part follows the sign flip.
            low[c * c - 1] = -low[c * c - 1];
        }

        QrPart part = TallSkinnyQr.FromAugmented(augmented, k, n, 0, yty.Hi);
        return part with { YMean = mean.Hi, YCentredSquares = centred.Hi, AugmentedLow = low };
    }

    /// <summary>Householder QR in place of the column-major m×c matrix; R is left on and above the diagonal.</summary>
    private static void Triangularize(DoubleDouble[] a, int m, int c)
    {
        for (int j = 0; j < Math.Min(m, c); j++)
        {
            DoubleDouble squares = DoubleDouble.Zero;
            for (int i = j; i < m; i++)
            {
                squares += a[j * m + i] * a[j * m + i];
            }

            DoubleDouble norm = DoubleDouble.Sqrt(squares);
            if (norm.Hi == 0.0)
            {
                continue;
            }

            // v = x − α e₁ with α = −sign(x₀)‖x‖ (no cancellation in v₀); v'v = 2‖x‖(‖x‖ + |x₀|).
            DoubleDouble head = a[j * m + j];
            DoubleDouble alpha = head.Hi >= 0.0 ? -norm : norm;
            a[j * m + j] = head - alpha;
            DoubleDouble vtv = (norm + DoubleDouble.Abs(head)) * norm * 2.0;
            for (int l = j + 1; l < c; l++)
            {
                DoubleDouble s = DoubleDouble.Zero;
                for (int i = j; i < m; i++)
                {
                    s += a[j * m + i] * a[l * m + i];
                }

                DoubleDouble f = s * 2.0 / vtv;
                for (int i = j; i < m; i++)
                {
                    a[l * m + i] -= f * a[j * m + i];
                }
            }

            a[j * m + j] = alpha;
            for (int i = j + 1; i < m; i++)
            {
                a[j * m + i] = DoubleDouble.Zero;
            }
        }
    }
}
