using MathNet.Numerics.LinearAlgebra;

namespace TradeGrid.Numerics.Regression;

/// <summary>Sandwich covariances B·M·B from score parts, and the inference that follows from a covariance.</summary>
internal static class Sandwich
{
    /// <summary>The meat over the retained columns: Σ parts' HC meat, or Σ_g s_g s_g' of the clusters' score sums.</summary>
    public static double[] Meat(IReadOnlyList<ScorePart> parts, int[] retained, bool cluster, out int clusters)
    {
        int r = retained.Length;
        var meat = new double[r * r];
        clusters = 0;
        foreach (ScorePart part in parts)
        {
            if (part.Observations == 0)
            {
                continue;
            }

            clusters++;
            int k = part.ScoreSum.Length;
            for (int a = 0; a < r; a++)
            {
                for (int b = 0; b < r; b++)
                {
                    meat[a * r + b] += cluster
                        ? part.ScoreSum[retained[a]] * part.ScoreSum[retained[b]]
                        : part.Meat[retained[a] * k + retained[b]];
                }
            }
        }

        return meat;
    }

    /// <summary>factor · B M B for symmetric r×r row-major B and M.</summary>
    public static double[] Sandwiched(double[] bread, double[] meat, int r, double factor)
    {
        Matrix<double> b = Matrix<double>.Build.Dense(r, r, bread);
        Matrix<double> m = Matrix<double>.Build.Dense(r, r, meat);
        Matrix<double> v = b * m * b * factor;
        return Symmetric(v.ToRowMajorArray(), r);
    }

    /// <summary>The rows and columns <paramref name="index"/> of an r×r row-major matrix.</summary>
    public static double[] Subset(double[] v, int r, IReadOnlyList<int> index)
    {
        int q = index.Count;
        var s = new double[q * q];
        for (int a = 0; a < q; a++)
        {
            for (int b = 0; b < q; b++)
            {
                s[a * q + b] = v[index[a] * r + index[b]];
            }
        }

        return s;
    }

    /// <summary>Wald statistic β_S' V_S⁻¹ β_S / q for the coefficients at <paramref name="index"/>.</summary>
    public static double WaldF(double[] beta, double[] v, int r, IReadOnlyList<int> index)
    {
        int q = index.Count;
        if (q == 0)
        {
            return double.NaN;
        }

        Matrix<double> vs = Matrix<double>.Build.Dense(q, q, Subset(v, r, index));
        Vector<double> bs = Vector<double>.Build.Dense(q, a => beta[index[a]]);
        return bs.DotProduct(vs.Solve(bs)) / q;
    }

    private static double[] Symmetric(double[] v, int r)
    {
        // B·M·B is symmetric in exact arithmetic; average the rounding away so SE(i) does not depend on the side read.
        for (int a = 0; a < r; a++)
        {
            for (int b = a + 1; b < r; b++)
            {
                double mean = 0.5 * (v[a * r + b] + v[b * r + a]);
                v[a * r + b] = mean;
                v[b * r + a] = mean;
            }
        }

        return v;
    }
}
