using TradeGrid.Domain;

namespace TradeGrid.Numerics.Extrapolation;

/// <summary>Duan's smearing factor, mean(exp(e)) of a log model's residuals, from parts that can be summed per block.</summary>
public static class Smearing
{
    /// <summary>Σ exp(y − x'b) and the row count of one block of rows (X row-major by [row, column]).</summary>
    public static (double Sum, int Count) Part(double[,] x, ReadOnlySpan<double> y, ReadOnlySpan<double> beta)
    {
        int n = x.GetLength(0);
        int k = x.GetLength(1);
        double sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            double fitted = 0.0;
            for (int j = 0; j < k; j++)
            {
                fitted += x[i, j] * beta[j];
            }

            sum += Math.Exp(y[i] - fitted);
        }

        return (sum, n);
    }

    /// <summary>The factor from summed parts; refuses an empty sample.</summary>
    public static double Factor(double sum, long count) => count > 0
        ? sum / count
        : throw new InsufficientDataException("Smearing needs the fit's rows, and there are none; choose the normal or no correction.");
}
