using System.Runtime.CompilerServices;

namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// Dense solve for the ARIMA stationary-covariance system, evaluated once per likelihood call: a flat row-major
/// array and no allocation, which MathNet's LU (a Matrix and a factor object per call) cannot offer.
/// </summary>
internal static class GaussianElimination
{
    /// <summary>In-place Gaussian elimination with partial pivoting; the solution overwrites b (small dense systems, n ≤ 36 here).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SolveInPlace(double[] a, double[] b, int n)
    {
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row * n + col]) > Math.Abs(a[pivot * n + col]))
                {
                    pivot = row;
                }
            }
            if (pivot != col)
            {
                for (int k = 0; k < n; k++)
                {
                    (a[col * n + k], a[pivot * n + k]) = (a[pivot * n + k], a[col * n + k]);
                }
                (b[col], b[pivot]) = (b[pivot], b[col]);
            }
            double diagonal = a[col * n + col];
            for (int row = col + 1; row < n; row++)
            {
                double factor = a[row * n + col] / diagonal;
                if (factor == 0.0)
                {
                    continue;
                }
                for (int k = col; k < n; k++)
                {
                    a[row * n + k] -= factor * a[col * n + k];
                }
                b[row] -= factor * b[col];
            }
        }
        for (int row = n - 1; row >= 0; row--)
        {
            double sum = b[row];
            for (int k = row + 1; k < n; k++)
            {
                sum -= a[row * n + k] * b[k];
            }
            b[row] = sum / a[row * n + row];
        }
    }
}
