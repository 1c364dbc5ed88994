using TradeGrid.Numerics.Panel;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// A block's rows prepared for PPML: the design (year dummies, slopes), entities whose y is all zero dropped (their
/// effect would be −∞: ppmlhdfe's fixed-effect separation), and the entity effects concentrated out in closed form,
/// α_g = log Σ_g y − log Σ_g exp(xβ), the Poisson first-order condition for α_g given β.
/// </summary>
internal sealed class PoissonBlock
{
    private readonly int[] _slot;

    public PoissonBlock(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(y);
        double[,] design = PanelDesign.Build(x, entity, year, spec, y.Length);
        for (int i = 0; i < y.Length; i++)
        {
            if (!(y[i] >= 0.0) || double.IsInfinity(y[i]))
            {
                throw new InvalidSpecException($"Row {i}: PPML needs a finite dependent y ≥ 0, got {y[i]}.");
            }
        }

        var kept = Enumerable.Range(0, y.Length).ToList();
        var dropped = new List<int>();
        if (spec.EntityEffects)
        {
            var total = new Dictionary<int, double>();
            for (int i = 0; i < y.Length; i++)
            {
                total[entity[i]] = total.GetValueOrDefault(entity[i]) + y[i];
            }

            dropped = kept.Where(i => total[entity[i]] == 0.0).ToList();
            kept = kept.Where(i => total[entity[i]] > 0.0).ToList();
            ZeroEntities = total.Count(t => t.Value == 0.0);
        }

        int k = design.GetLength(1);
        Design = new double[kept.Count, k];
        Y = new double[kept.Count];
        Entity = new int[kept.Count];
        for (int i = 0; i < kept.Count; i++)
        {
            for (int j = 0; j < k; j++)
            {
                Design[i, j] = design[kept[i], j];
            }

            Y[i] = y[kept[i]];
            Entity[i] = spec.EntityEffects ? entity[kept[i]] : 0;
        }

        Kept = kept.ToArray();
        Dropped = dropped.ToArray();
        Spec = spec;
        var index = new Dictionary<int, int>();
        _slot = Entity.Select(e => index.TryGetValue(e, out int s) ? s : index[e] = index.Count).ToArray();
        Groups = spec.EntityEffects ? index.Count : 0;
    }

    public double[,] Design { get; }
    public double[] Y { get; }
    public int[] Entity { get; }
    public int[] Kept { get; }
    public int[] Dropped { get; }
    public int ZeroEntities { get; }
    public int Groups { get; }
    public PanelSpec Spec { get; }

    /// <summary>Linear predictor xβ (without α) and μ = exp(α_g + xβ).</summary>
    public (double[] Xb, double[] Mu) Mean(double[] beta)
    {
        int n = Y.Length;
        int k = Design.GetLength(1);
        var xb = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0.0;
            for (int j = 0; j < k; j++)
            {
                s += Design[i, j] * beta[j];
            }

            xb[i] = s;
        }

        var mu = new double[n];
        if (!Spec.EntityEffects)
        {
            for (int i = 0; i < n; i++)
            {
                mu[i] = Math.Exp(xb[i]);
            }

            return (xb, mu);
        }

        // log Σ exp(xβ) by log-sum-exp, so that large linear predictors (log GDP × β) do not overflow.
        var max = Enumerable.Repeat(double.NegativeInfinity, Groups).ToArray();
        var sumY = new double[Groups];
        for (int i = 0; i < n; i++)
        {
            max[_slot[i]] = Math.Max(max[_slot[i]], xb[i]);
            sumY[_slot[i]] += Y[i];
        }

        var sumExp = new double[Groups];
        for (int i = 0; i < n; i++)
        {
            sumExp[_slot[i]] += Math.Exp(xb[i] - max[_slot[i]]);
        }

        for (int i = 0; i < n; i++)
        {
            int g = _slot[i];
            double alpha = Math.Log(sumY[g]) - max[g] - Math.Log(sumExp[g]);
            mu[i] = Math.Exp(alpha + xb[i]);
        }

        return (xb, mu);
    }

    /// <summary>Starting μ: (y + ȳ_g)/2 within entities (ppmlhdfe), y + 0.1 without (glm's mustart).</summary>
    public double[] StartingMean()
    {
        int n = Y.Length;
        var mu = new double[n];
        if (!Spec.EntityEffects)
        {
            for (int i = 0; i < n; i++)
            {
                mu[i] = Y[i] + 0.1;
            }

            return mu;
        }

        var sum = new double[Groups];
        var count = new int[Groups];
        for (int i = 0; i < n; i++)
        {
            sum[_slot[i]] += Y[i];
            count[_slot[i]]++;
        }

        for (int i = 0; i < n; i++)
        {
            mu[i] = 0.5 * (Y[i] + sum[_slot[i]] / count[_slot[i]]);
        }

        return mu;
    }

    /// <summary>The design demeaned within entities with weights μ (a copy); the weighted partialling-out of the effects.</summary>
    public double[,] Demeaned(double[] mu, double[] z)
    {
        var x = (double[,])Design.Clone();
        if (Spec.EntityEffects)
        {
            WithinTransform.DemeanInPlace(x, z, Entity, mu);
        }

        return x;
    }

    public static double DevianceTerm(double y, double mu) => y > 0.0 ? 2.0 * (y * Math.Log(y / mu) - (y - mu)) : 2.0 * mu;
}
