using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// The (weighted) least-squares step on columns from which the effects were projected: Householder QR of [√w·X̃ √w·ỹ]
/// (<see cref="RowQr"/>, from the columns as they are), the rank rule against each column's norm before the projection (so a regressor
/// explained by the effects is dropped or refused, naming it), the kept coefficients, R and the residuals ỹ − X̃β.
/// </summary>
internal static class AbsorbedSolve
{
    /// <summary>The step; its residuals go into <paramref name="residual"/> when given (an IRLS loop reuses one array), else a new one.</summary>
    public static AbsorbedStep Solve(
        double[][] columns, double[] y, double[]? weights, double[] referenceNorms, string[] names, bool dropCollinear, double tolerance, double[]? residual = null)
    {
        int n = y.Length;
        QrPart part = RowQr.FactorColumns([.. columns, y], weights, 0);
        LeastSquaresSolution solution = LeastSquares.Solve(part, names, 0, dropCollinear, tolerance, referenceNorms);
        int[] kept = solution.Retained;
        residual ??= new double[n];
        Array.Copy(y, residual, n);
        foreach (int j in kept)
        {
            double b = solution.Beta[j];
            double[] c = columns[j];
            for (int i = 0; i < n; i++)
            {
                residual[i] -= b * c[i];
            }
        }

        return new AbsorbedStep(kept, solution.Dropped, solution.Beta, solution.Factor, residual);
    }

    /// <summary>‖x − x̄‖ (weighted): the scale the rank rule measures a demeaned column against.</summary>
    public static double CentredNorm(double[] x, double[]? weights) => Math.Sqrt(CentredMoments(x, weights).Centred);

    /// <summary>Σw, the weighted mean and Σw(x − mean)², in two passes.</summary>
    public static (double Weight, double Mean, double Centred) CentredMoments(double[] x, double[]? weights)
    {
        double sw = 0.0;
        double s = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            double w = weights?[i] ?? 1.0;
            sw += w;
            s += w * x[i];
        }

        double mean = s / sw;
        double ss = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - mean;
            ss += (weights?[i] ?? 1.0) * d * d;
        }

        return (sw, mean, ss);
    }
}
