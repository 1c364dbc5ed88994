namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// The cubic B-spline basis of R's smooth.spline for n equally spaced points scaled to [0, 1]: inner knots at every
/// point below 50 points, else at R's .nknots.smspl(n) of them (xbar[seq.int(1, n, length.out = k)]), three more at
/// each end; nk = knots + 2 basis functions. Holds the banded X'X (four diagonals), X'y's design values and the banded
/// Gram matrix of second derivatives Σⱼₖ = ∫ B″ⱼ B″ₖ, as R's stxwx and sgram (unit weights).
/// </summary>
internal sealed class SmoothingSplineBasis
{
    private SmoothingSplineBasis(double[] knots, int count, double[] x, int[] left, double[,] values, double[][] gram, double[][] crossProduct)
    {
        Knots = knots;
        Count = count;
        X = x;
        Left = left;
        Values = values;
        Gram = gram;
        CrossProduct = crossProduct;
    }

    /// <summary>The knot sequence, nk + 4 long.</summary>
    public double[] Knots { get; }

    /// <summary>nk: the number of basis functions.</summary>
    public int Count { get; }

    /// <summary>The points, (i − 1)/(n − 1).</summary>
    public double[] X { get; }

    /// <summary>Per point, the index of the first of its four non-zero basis functions.</summary>
    public int[] Left { get; }

    /// <summary>Per point, the values of its four non-zero basis functions.</summary>
    public double[,] Values { get; }

    /// <summary>Σ's diagonals: Gram[d][j] = Σ(j, j + d), d = 0..3.</summary>
    public double[][] Gram { get; }

    /// <summary>X'X's diagonals: CrossProduct[d][j] = (X'X)(j, j + d), d = 0..3.</summary>
    public double[][] CrossProduct { get; }

    /// <summary>R's .nknots.smspl: every point below 50, then a slowly growing count.</summary>
    public static int InnerKnotCount(int n)
    {
        if (n < 50)
        {
            return n;
        }

        double a1 = Math.Log2(50), a2 = Math.Log2(100), a3 = Math.Log2(140), a4 = Math.Log2(200);
        double k = n < 200 ? Math.Pow(2, a1 + (a2 - a1) * (n - 50) / 150.0)
            : n < 800 ? Math.Pow(2, a2 + (a3 - a2) * (n - 200) / 600.0)
            : n < 3200 ? Math.Pow(2, a3 + (a4 - a3) * (n - 800) / 2400.0)
            : 200 + Math.Pow(n - 3200, 0.2);
        return (int)Math.Truncate(k);
    }

    public static SmoothingSplineBasis ForEquallySpaced(int n)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = i / (double)(n - 1);
        }

        int inner = InnerKnotCount(n);
        var knots = new double[inner + 6];
        double by = (n - 1.0) / (inner - 1.0);
        for (int k = 0; k < inner; k++)
        {
            // R indexes xbar with seq.int(1, n, length.out = inner), truncated; its last element is n itself.
            int index = k == inner - 1 ? n - 1 : (int)Math.Truncate(1.0 + k * by) - 1;
            knots[k + 3] = x[index];
        }

        knots[0] = knots[1] = knots[2] = x[0];
        knots[inner + 3] = knots[inner + 4] = knots[inner + 5] = x[n - 1];
        int count = inner + 2;

        var left = new int[n];
        var values = new double[n, 4];
        var crossProduct = Diagonals(count);
        var b = new double[4];
        for (int i = 0; i < n; i++)
        {
            int l = Interval(knots, count, x[i]);
            CubicValues(knots, l, x[i], b);
            left[i] = l - 3;
            for (int p = 0; p < 4; p++)
            {
                values[i, p] = b[p];
                for (int q = p; q < 4; q++)
                {
                    crossProduct[q - p][l - 3 + p] += b[p] * b[q];
                }
            }
        }

        return new SmoothingSplineBasis(knots, count, x, left, values, GramOfSecondDerivatives(knots, count), crossProduct);
    }

    private static double[][] Diagonals(int count) => [new double[count], new double[count], new double[count], new double[count]];

    /// <summary>l with t[l] ≤ x &lt; t[l + 1] among 3..nk − 1; the right end belongs to the last interval.</summary>
    private static int Interval(double[] t, int count, double x)
    {
        int l = 3;
        while (l < count - 1 && x >= t[l + 1])
        {
            l++;
        }

        return l;
    }

    /// <summary>The four cubic B-splines non-zero on interval l at x (de Boor's recurrence), B(l−3)…B(l).</summary>
    private static void CubicValues(double[] t, int l, double x, double[] b)
    {
        Span<double> right = stackalloc double[3];
        Span<double> leftDiff = stackalloc double[3];
        b[0] = 1.0;
        for (int j = 0; j < 3; j++)
        {
            right[j] = t[l + j + 1] - x;
            leftDiff[j] = x - t[l - j];
            double saved = 0.0;
            for (int r = 0; r <= j; r++)
            {
                double term = b[r] / (right[r] + leftDiff[j - r]);
                b[r] = saved + right[r] * term;
                saved = leftDiff[j - r] * term;
            }

            b[j + 1] = saved;
        }
    }

    /// <summary>
    /// Σ as R's sgram: B″ is linear on every knot interval, from its values y₀ at the left end to y₀ + δ at the right,
    /// and the interval adds h·(y₀ᵢy₀ⱼ + (δᵢy₀ⱼ + δⱼy₀ᵢ)/2 + δᵢδⱼ·0.3330) — R's constant, not 1/3, kept so that λ's scale
    /// (through tr(Σ)) and every criterion value are R's.
    /// </summary>
    private static double[][] GramOfSecondDerivatives(double[] t, int count)
    {
        const double Third = 0.3330;
        double[][] gram = Diagonals(count);
        var start = new double[4];
        var slope = new double[4];
        for (int l = 3; l < count; l++)
        {
            double h = t[l + 1] - t[l];
            SecondDerivatives(t, l, t[l], start);
            SecondDerivatives(t, l, t[l + 1], slope);
            for (int p = 0; p < 4; p++)
            {
                slope[p] -= start[p];
            }

            for (int p = 0; p < 4; p++)
            {
                for (int q = p; q < 4; q++)
                {
                    gram[q - p][l - 3 + p] += h * (start[p] * start[q] + (slope[p] * start[q] + slope[q] * start[p]) * 0.5 + slope[p] * slope[q] * Third);
                }
            }
        }

        return gram;
    }

    /// <summary>B″ of the four cubics non-zero on interval l at x, from the two linear B-splines non-zero there.</summary>
    private static void SecondDerivatives(double[] t, int l, double x, double[] d2)
    {
        // Linear B-splines on interval l: B(l−1, 2) falls from 1 to 0, B(l, 2) rises from 0 to 1.
        double h = t[l + 1] - t[l];
        Span<double> linear = stackalloc double[6]; // linear[k] = B(l − 3 + k, 2)(x), k = 0..5
        linear.Clear();
        linear[2] = (t[l + 1] - x) / h;
        linear[3] = (x - t[l]) / h;
        for (int p = 0; p < 4; p++)
        {
            int j = l - 3 + p;
            double a = Ratio(linear[p], t[j + 2] - t[j]) - Ratio(linear[p + 1], t[j + 3] - t[j + 1]);
            double c = Ratio(linear[p + 1], t[j + 3] - t[j + 1]) - Ratio(linear[p + 2], t[j + 4] - t[j + 2]);
            d2[p] = 6.0 * (Ratio(a, t[j + 3] - t[j]) - Ratio(c, t[j + 4] - t[j + 1]));
        }
    }

    private static double Ratio(double value, double width) => width > 0.0 ? value / width : 0.0;
}
