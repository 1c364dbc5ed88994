using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// Covariances of a fit with absorbed effects, with fixest's small-sample conventions (<c>ssc()</c> defaults: adj,
/// fixef.K = "nested", cluster.adj, cluster.df = "min", t.df = "min"):
/// <list type="bullet">
/// <item>iid: s·(X̃'WX̃)⁻¹·(N − 1)/(N − K) (s = RSS/(N − 1) for OLS, 1 for PPML), t with N − K df;</item>
/// <item>HC1: N/(N − K)·B·Σ sᵢsᵢ'·B;</item>
/// <item>cluster (one- or two-way, Cameron–Gelbach–Miller: V₁ + V₂ − V₁₂): G_min/(G_min − 1)·(N − 1)/(N − K)·Σ ±B·Σ_g s_g s_g'·B
/// with K the kept regressors plus Σ(G_q − 1) + 1 over the sets of effects not nested in a cluster (all nested: K + 1);
/// CR0 drops (N − 1)/(N − K) (Stata's ppml, ppmlhdfe, fixest ssc(adj = FALSE)); t with G_min − 1 df. A two-way matrix
/// with a negative variance gets the eigenvalue fix (eigenvalues raised to 1e-10, as fixest).</item>
/// </list>
/// Scores are whitened (uᵢ = R⁻ᵀx̃ᵢeᵢ) before they are summed, as in <see cref="Sandwich"/>.
/// </summary>
internal static class AbsorbedCovariance
{
    public static AbsorbedCovarianceResult Compute(AbsorbedCovarianceInput input)
    {
        int n = input.Residual.Length;
        CovarianceKind kind = input.Kind;
        ClusterMeats? clusters = null;
        if (kind is CovarianceKind.ClusterCr0 or CovarianceKind.ClusterCr1)
        {
            var dense = input.Clusters.Select(d => (Ids: EffectIds.Numbered(d.Ids, out int g), G: g)).ToArray();
            double[] first = Meat(input, dense[0].Ids, dense[0].G);
            double[]? second = null;
            double[]? both = null;
            if (dense.Length == 2)
            {
                second = Meat(input, dense[1].Ids, dense[1].G);
                int[] intersection = EffectIds.Dense(EffectIds.Interact(dense[0].Ids, dense[1].Ids), out int g12);
                both = Meat(input, intersection, g12);
            }

            // fixef.K = "nested": effects whose every group lies in one cluster are not counted.
            bool[] nested = input.EffectIds.Select((ids, q) => dense.Any(c => Nested(ids, input.EffectGroups[q], c.Ids))).ToArray();
            clusters = new ClusterMeats(
                first, second, both, input.Clusters.Select((d, c) => new EffectCount(d.Name, dense[c].G)).ToArray(), nested);
        }

        Func<double[]> meat = () => Meat(input, Enumerable.Range(0, n).ToArray(), n);
        return Assemble(kind, input.Factor, input.Kept.Length, n, input.EffectGroups, input.EffectNames, input.Sigma2, meat, clusters);
    }

    /// <summary>
    /// The covariance from its whitened meats (Σ u u' over rows or cluster groups): the central fit sums them over its
    /// rows; a fit whose rows stay in the economy grains gathers them (<see cref="Sweeps.SweepCovariance"/>).
    /// </summary>
    public static AbsorbedCovarianceResult Assemble(
        CovarianceKind kind, double[] factor, int r, int n, int[] effectGroups, string[] effectNames, double sigma2, Func<double[]> hcMeat, ClusterMeats? clusters)
    {
        int nparams = r + (effectGroups.Length > 0 ? effectGroups.Sum(g => g - 1) + 1 : 0);
        bool cluster = kind is CovarianceKind.ClusterCr0 or CovarianceKind.ClusterCr1;
        int k = nparams;
        string nestedNote = string.Empty;
        EffectCount[] clusterCounts = [];
        double[] v;
        double df;
        if (!cluster)
        {
            if (kind == CovarianceKind.Classical)
            {
                var identity = new double[r * r];
                for (int a = 0; a < r; a++)
                {
                    identity[a * r + a] = 1.0;
                }

                v = Triangular.Congruence(factor, r, identity);
                Scale(v, sigma2 * (n - 1.0) / (n - k));
            }
            else
            {
                v = Triangular.Congruence(factor, r, hcMeat());
                Scale(v, kind == CovarianceKind.Hc0 ? 1.0 : n / (double)(n - k));
            }

            df = n - k;
        }
        else
        {
            ClusterMeats m = clusters ?? throw new ArgumentNullException(nameof(clusters), "A cluster covariance needs its cluster meats.");
            clusterCounts = m.Counts;
            v = Triangular.Congruence(factor, r, m.First);
            if (m.Second is not null && m.Both is not null)
            {
                double[] v2 = Triangular.Congruence(factor, r, m.Second);
                double[] v12 = Triangular.Congruence(factor, r, m.Both);
                for (int i = 0; i < v.Length; i++)
                {
                    v[i] += v2[i] - v12[i];
                }
            }

            bool[] nested = m.Nested;
            if (nested.Length > 0 && nested.Any(b => b))
            {
                k = nested.All(b => b)
                    ? r + 1
                    : Math.Max(nparams - effectGroups.Where((_, q) => nested[q]).Sum(g => g - 1), r + 1);
                nestedNote = $"; effects nested in the clusters not counted in K ({string.Join(", ", effectNames.Where((_, q) => nested[q]))})";
            }

            int gMin = clusterCounts.Min(c => c.Groups);
            double factorScale = gMin / (gMin - 1.0) * (kind == CovarianceKind.ClusterCr1 ? (n - 1.0) / (n - k) : 1.0);
            Scale(v, factorScale);
            if (m.Second is not null)
            {
                v = EigenFix(v, r);
            }

            df = Math.Max(gMin - 1, 1);
        }

        string note = kind switch
        {
            CovarianceKind.Classical => $"iid: (N−1)/(N−K) with K = {k} (fixest)",
            CovarianceKind.Hc0 => "HC0: no small-sample factor",
            CovarianceKind.Hc1 => $"HC1: N/(N−K) with K = {k} (fixest hetero)",
            CovarianceKind.ClusterCr0 => $"CR0: G/(G−1) only, G = {clusterCounts.Min(c => c.Groups)} (Stata ppml, ppmlhdfe; fixest ssc(adj = FALSE))",
            _ => $"CR1: G/(G−1)·(N−1)/(N−K) with G = {clusterCounts.Min(c => c.Groups)}, K = {k} (fixest default ssc(){nestedNote})",
        };
        return new AbsorbedCovarianceResult(v, df, k, note.ToString(CultureInfo.InvariantCulture), clusterCounts);
    }

    /// <summary>Σ u u' of whitened score sums u = R⁻ᵀs, one s per group (<paramref name="sums"/>: groups × r, row-major).</summary>
    public static double[] WhitenedMeat(double[] factor, int r, double[] sums, int groups)
    {
        var meat = new double[r * r];
        var u = new double[r];
        for (int g = 0; g < groups; g++)
        {
            Array.Copy(sums, g * r, u, 0, r);
            Triangular.SolveTransposed(factor, r, u);
            for (int a = 0; a < r; a++)
            {
                for (int b = 0; b < r; b++)
                {
                    meat[a * r + b] += u[a] * u[b];
                }
            }
        }

        return meat;
    }

    /// <summary>Σ_g u_g u_g' of whitened score sums per group (HC: every row its own group).</summary>
    private static double[] Meat(AbsorbedCovarianceInput input, int[] group, int groups)
    {
        int r = input.Kept.Length;
        int n = input.Residual.Length;
        var sums = new double[groups * r];
        for (int a = 0; a < r; a++)
        {
            double[] c = input.Columns[input.Kept[a]];
            for (int i = 0; i < n; i++)
            {
                sums[group[i] * r + a] += c[i] * input.Residual[i];
            }
        }

        return WhitenedMeat(input.Factor, r, sums, groups);
    }

    private static bool Nested(int[] effect, int groups, int[] cluster)
    {
        var owner = new int[groups];
        Array.Fill(owner, -1);
        for (int i = 0; i < effect.Length; i++)
        {
            int g = effect[i];
            if (owner[g] < 0)
            {
                owner[g] = cluster[i];
            }
            else if (owner[g] != cluster[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>fixest's mat_posdef_fix: when a variance is negative, eigenvalues below 1e-10 are raised to it.</summary>
    internal static double[] EigenFix(double[] v, int r)
    {
        bool negative = false;
        for (int a = 0; a < r; a++)
        {
            negative |= v[a * r + a] < 0.0;
        }

        if (!negative)
        {
            return v;
        }

        Matrix<double> m = Matrix<double>.Build.Dense(r, r, (i, j) => v[i * r + j]);
        var evd = m.Evd(Symmetricity.Symmetric);
        Vector<double> values = evd.EigenValues.Map(c => Math.Max(c.Real, 1e-10));
        Matrix<double> fixedM = evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(values) * evd.EigenVectors.Transpose();
        return Enumerable.Range(0, r * r).Select(i => fixedM[i / r, i % r]).ToArray();
    }

    private static void Scale(double[] v, double s)
    {
        for (int i = 0; i < v.Length; i++)
        {
            v[i] *= s;
        }
    }
}
