using System.Numerics;
using System.Runtime.CompilerServices;

namespace TradeGrid.Numerics.Regression;

/// <summary>
/// Householder QR on a column-major array, in place, keeping only R (as LAPACK's dgeqrf without forming Q).
/// Householder QR is column-wise backward stable, so columns of wildly different scale need no equilibration
/// before this step; rank decisions are made later on the small triangular factor (<see cref="LeastSquares"/>).
/// </summary>
internal static class Householder
{
    /// <summary>Overwrites the m×n column-major <paramref name="a"/> with R in its upper triangle; the rest is scratch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Triangularize(double[] a, int m, int n)
    {
        int steps = Math.Min(m, n);
        for (int j = 0; j < steps; j++)
        {
            int cj = j * m;
            double norm = Norm(a.AsSpan(cj + j, m - j));
            if (norm == 0.0)
            {
                continue;
            }

            double alpha = a[cj + j];
            double beta = -Math.CopySign(norm, alpha);
            double v0 = alpha - beta;
            Scale(1.0 / v0, a.AsSpan(cj + j + 1, m - j - 1));

            // H = I − τ v v' with v = [1, a[j+1..]]; τ = (β − α)/β lies in [1, 2], so no cancellation.
            double tau = (beta - alpha) / beta;
            a[cj + j] = beta;
            ReadOnlySpan<double> v = a.AsSpan(cj + j + 1, m - j - 1);
            for (int l = j + 1; l < n; l++)
            {
                int cl = l * m;
                Span<double> column = a.AsSpan(cl + j + 1, m - j - 1);
                double s = tau * (a[cl + j] + Dot(v, column));
                a[cl + j] -= s;
                Axpy(-s, v, column);
            }
        }
    }

    /// <summary>Σ aᵢbᵢ, vectorised: the Householder updates spend their time here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int width = Vector<double>.Count;
        Vector<double> sum = Vector<double>.Zero;
        int i = 0;
        for (; i <= a.Length - width; i += width)
        {
            sum += new Vector<double>(a.Slice(i, width)) * new Vector<double>(b.Slice(i, width));
        }

        double total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    /// <summary>y += αx, vectorised.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        int width = Vector<double>.Count;
        var scale = new Vector<double>(alpha);
        int i = 0;
        for (; i <= x.Length - width; i += width)
        {
            (new Vector<double>(y.Slice(i, width)) + scale * new Vector<double>(x.Slice(i, width))).CopyTo(y.Slice(i, width));
        }

        for (; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    /// <summary>x *= α, vectorised.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale(double alpha, Span<double> x)
    {
        int width = Vector<double>.Count;
        var scale = new Vector<double>(alpha);
        int i = 0;
        for (; i <= x.Length - width; i += width)
        {
            (scale * new Vector<double>(x.Slice(i, width))).CopyTo(x.Slice(i, width));
        }

        for (; i < x.Length; i++)
        {
            x[i] *= alpha;
        }
    }

    /// <summary>
    /// Euclidean norm: the plain sum of squares (vectorised) when it neither overflows nor comes near underflow, else
    /// scaled by the largest entry, so that columns like x¹⁰ or 1e-200 keep every digit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Norm(ReadOnlySpan<double> v)
    {
        double plain = Dot(v, v);
        if (plain > 1e-280 && plain < 1e280)
        {
            return Math.Sqrt(plain);
        }

        return ScaledNorm(v);
    }

    private static double ScaledNorm(ReadOnlySpan<double> v)
    {
        double scale = 0.0;
        foreach (double x in v)
        {
            scale = Math.Max(scale, Math.Abs(x));
        }

        if (scale == 0.0 || double.IsInfinity(scale))
        {
            return scale;
        }

        // Scaling by a power of two is exact, so the norm carries no extra rounding from it.
        double inverse = Math.ScaleB(1.0, -Math.ILogB(scale));
        double sum = 0.0;
        foreach (double x in v)
        {
            double t = x * inverse;
            sum += t * t;
        }

        return Math.Sqrt(sum) / inverse;
    }

    /// <summary>Copies the upper triangle of the first <paramref name="n"/> columns into an n×n row-major array.</summary>
    public static double[] UpperRowMajor(double[] a, int m, int n)
    {
        var r = new double[n * n];
        for (int l = 0; l < n; l++)
        {
            for (int i = 0; i <= l && i < m; i++)
            {
                r[i * n + l] = a[l * m + i];
            }
        }

        return r;
    }
}
