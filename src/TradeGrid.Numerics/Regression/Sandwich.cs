using MathNet.Numerics.LinearAlgebra;

namespace TradeGrid.Numerics.Regression;

/// <summary>Sandwich covariances B·M·B from score parts, and the inference that follows from a covariance.</summary>
internal static class Sandwich
{
    /// <summary>The whitened meat: Σ parts' HC meat, or Σ_g u_g u_g' of the clusters' whitened score sums.</summary>
    public static double[] Meat(IReadOnlyList<ScorePart> parts, int r, bool cluster, out int clusters)
    {
        var meat = new double[r * r];
        clusters = 0;
        foreach (ScorePart part in parts)
        {
            if (part.Observations == 0)
            {
                continue;
            }

            if (part.ScoreSum.Length != r)
            {
                throw new ArgumentException($"A score part has {part.ScoreSum.Length} scores for {r} kept columns: compute it with this fit's ScoreBasis.", nameof(parts));
            }

            clusters++;
            for (int a = 0; a < r; a++)
            {
                for (int b = 0; b < r; b++)
                {
                    meat[a * r + b] += cluster ? part.ScoreSum[a] * part.ScoreSum[b] : part.Meat[a * r + b];
                }
            }
        }

        return meat;
    }

    /// <summary>factor · R⁻¹ U R⁻ᵀ: the sandwich B·M·B with the bread's factor applied by substitution.</summary>
    public static double[] Sandwiched(double[] factor, int r, double[] whitenedMeat, double scale)
    {
        double[] v = Triangular.Congruence(factor, r, whitenedMeat);
        for (int i = 0; i < v.Length; i++)
        {
            v[i] *= scale;
        }

        return v;
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
}
