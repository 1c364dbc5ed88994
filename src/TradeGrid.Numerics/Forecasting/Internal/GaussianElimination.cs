using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// Dense solve for the ARIMA stationary-covariance system, evaluated once per likelihood call: a flat row-major
/// array and no allocation, which MathNet's LU (a Matrix and a factor object per call) cannot offer.
/// </summary>
internal static class GaussianElimination
{
    /// <summary>
    /// In-place Gaussian elimination with partial pivoting; the solution overwrites b (small dense systems, n ≤ 21
    /// here). After one check of the lengths, elements are read through unchecked references: per-element bounds
    /// checks were a large part of the cost at these sizes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SolveInPlace(double[] a, double[] b, int n)
    {
        if (a.Length < n * n || b.Length < n)
        {
            throw new ArgumentException($"a must hold {n} × {n} and b {n} values.", nameof(n));
        }
        ref double a0 = ref MemoryMarshal.GetArrayDataReference(a);
        ref double b0 = ref MemoryMarshal.GetArrayDataReference(b);
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++)
            {
                if (Math.Abs(Unsafe.Add(ref a0, row * n + col)) > Math.Abs(Unsafe.Add(ref a0, pivot * n + col)))
                {
                    pivot = row;
                }
            }
            ref double pivotRow = ref Unsafe.Add(ref a0, col * n);
            if (pivot != col)
            {
                ref double other = ref Unsafe.Add(ref a0, pivot * n);
                for (int k = 0; k < n; k++)
                {
                    (Unsafe.Add(ref pivotRow, k), Unsafe.Add(ref other, k)) = (Unsafe.Add(ref other, k), Unsafe.Add(ref pivotRow, k));
                }
                (Unsafe.Add(ref b0, col), Unsafe.Add(ref b0, pivot)) = (Unsafe.Add(ref b0, pivot), Unsafe.Add(ref b0, col));
            }
            double diagonal = Unsafe.Add(ref pivotRow, col);
            for (int row = col + 1; row < n; row++)
            {
                ref double target = ref Unsafe.Add(ref a0, row * n);
                double factor = Unsafe.Add(ref target, col) / diagonal;
                if (factor == 0.0)
                {
                    continue;
                }
                for (int k = col; k < n; k++)
                {
                    Unsafe.Add(ref target, k) -= factor * Unsafe.Add(ref pivotRow, k);
                }
                Unsafe.Add(ref b0, row) -= factor * Unsafe.Add(ref b0, col);
            }
        }
        for (int row = n - 1; row >= 0; row--)
        {
            ref double line = ref Unsafe.Add(ref a0, row * n);
            double sum = Unsafe.Add(ref b0, row);
            for (int k = row + 1; k < n; k++)
            {
                sum -= Unsafe.Add(ref line, k) * Unsafe.Add(ref b0, k);
            }
            Unsafe.Add(ref b0, row) = sum / Unsafe.Add(ref line, row);
        }
    }
}
