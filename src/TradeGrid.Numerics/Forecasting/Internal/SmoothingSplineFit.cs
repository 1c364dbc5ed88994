namespace TradeGrid.Numerics.Forecasting.Internal;

/// <summary>
/// One penalised fit of R's smooth.spline at a given λ (its sslvrg, unit weights): (X'X + λΣ)c = X'y by the banded
/// Cholesky factor R'R (three superdiagonals), the smooth at the points, the leverages from the band of (R'R)⁻¹
/// (the backward recurrence R's sinerp uses) and the GCV criterion (RSS/n)/(1 − df/n)².
/// </summary>
internal static class SmoothingSplineFit
{
    /// <summary>The GCV criterion at λ; NaN when the penalised matrix is not numerically positive definite.</summary>
    public static double Criterion(SmoothingSplineBasis basis, double[] y, double[] xty, double lambda)
    {
        int nk = basis.Count;
        double[][] r = Factor(basis, lambda);
        if (r.Length == 0)
        {
            return double.NaN;
        }

        double[] coef = Solve(r, xty, nk);
        double[][] inverse = InverseBand(r, nk);
        double rss = 0.0, df = 0.0;
        int n = y.Length;
        for (int i = 0; i < n; i++)
        {
            int j = basis.Left[i];
            double fit = 0.0, leverage = 0.0;
            for (int p = 0; p < 4; p++)
            {
                double bp = basis.Values[i, p];
                fit += bp * coef[j + p];
                leverage += bp * bp * inverse[0][j + p];
                for (int q = p + 1; q < 4; q++)
                {
                    leverage += 2.0 * bp * basis.Values[i, q] * inverse[q - p][j + p];
                }
            }

            rss += (y[i] - fit) * (y[i] - fit);
            df += leverage;
        }

        double shrink = 1.0 - df / n;
        return rss / n / (shrink * shrink);
    }

    /// <summary>R with R'R = X'X + λΣ, as diagonals r[d][j] = R(j, j + d); empty when a pivot is not positive.</summary>
    private static double[][] Factor(SmoothingSplineBasis basis, double lambda)
    {
        int nk = basis.Count;
        double[][] r = [new double[nk], new double[nk], new double[nk], new double[nk]];
        for (int j = 0; j < nk; j++)
        {
            // Column j of R above the diagonal: R(k, j) for k = j − 3..j − 1, then the pivot (LINPACK dpbfa's order).
            double s = 0.0;
            for (int k = Math.Max(0, j - 3); k < j; k++)
            {
                double t = basis.CrossProduct[j - k][k] + lambda * basis.Gram[j - k][k];
                for (int m = Math.Max(0, j - 3); m < k; m++)
                {
                    t -= r[k - m][m] * r[j - m][m];
                }

                t /= r[0][k];
                r[j - k][k] = t;
                s += t * t;
            }

            double pivot = basis.CrossProduct[0][j] + lambda * basis.Gram[0][j] - s;
            if (!(pivot > 0.0))
            {
                return [];
            }

            r[0][j] = Math.Sqrt(pivot);
        }

        return r;
    }

    /// <summary>(R'R)⁻¹b: R' forward, then R backward.</summary>
    private static double[] Solve(double[][] r, double[] b, int nk)
    {
        var z = new double[nk];
        for (int j = 0; j < nk; j++)
        {
            double s = b[j];
            for (int k = Math.Max(0, j - 3); k < j; k++)
            {
                s -= r[j - k][k] * z[k];
            }

            z[j] = s / r[0][j];
        }

        for (int j = nk - 1; j >= 0; j--)
        {
            double s = z[j];
            for (int k = j + 1; k <= Math.Min(nk - 1, j + 3); k++)
            {
                s -= r[k - j][j] * z[k];
            }

            z[j] = s / r[0][j];
        }

        return z;
    }

    /// <summary>
    /// The band of S = (R'R)⁻¹ within three of the diagonal, s[d][j] = S(j, j + d), from the last row up: SR' = R⁻¹
    /// gives S(j, m) = −Σₖ R(j, k)S(k, m)/R(j, j) for m &gt; j and S(j, j) = (1/R(j, j) − Σₖ R(j, k)S(k, j))/R(j, j).
    /// </summary>
    private static double[][] InverseBand(double[][] r, int nk)
    {
        double[][] s = [new double[nk], new double[nk], new double[nk], new double[nk]];
        for (int j = nk - 1; j >= 0; j--)
        {
            int last = Math.Min(nk - 1, j + 3);
            for (int m = last; m > j; m--)
            {
                double t = 0.0;
                for (int k = j + 1; k <= last; k++)
                {
                    t += r[k - j][j] * (k <= m ? s[m - k][k] : s[k - m][m]);
                }

                s[m - j][j] = -t / r[0][j];
            }

            double diagonal = 1.0 / r[0][j];
            for (int k = j + 1; k <= last; k++)
            {
                diagonal -= r[k - j][j] * s[k - j][j];
            }

            s[0][j] = diagonal / r[0][j];
        }

        return s;
    }
}
