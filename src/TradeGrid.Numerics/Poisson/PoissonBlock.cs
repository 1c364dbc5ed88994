using TradeGrid.Domain;
using TradeGrid.Numerics.Panel;
using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// A block's rows prepared for PPML: entities whose y is all zero dropped (their effect would be −∞: ppmlhdfe's
/// fixed-effect separation), and the entity effects concentrated out in closed form, α_g = log Σ_g y − log Σ_g exp(xβ),
/// the Poisson first-order condition for α_g given β. The design (year dummies, then the caller's slopes) is virtual:
/// rows are produced on demand from the caller's array, so an iteration never copies N×K values.
/// </summary>
internal sealed class PoissonBlock
{
    private readonly double[,] _x;
    private readonly int[] _dummy;
    private readonly int[] _slot;

    public PoissonBlock(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        int n = y.Length;
        if (x.GetLength(0) != n || entity.Length != n || year.Length != n)
        {
            throw new ArgumentException($"x has {x.GetLength(0)} rows; y, entity and year must have as many.", nameof(y));
        }

        for (int i = 0; i < n; i++)
        {
            if (!(y[i] >= 0.0) || double.IsInfinity(y[i]))
            {
                throw new InvalidSpecException($"Row {i}: PPML needs a finite dependent y ≥ 0, got {y[i]}.");
            }
        }

        // Dense entity numbers once (one dictionary pass), then arrays: the rows of entities whose y sums to zero go.
        var dense = new int[n];
        int distinct = spec.EntityEffects ? DenseIds.Number(entity, dense) : Math.Min(n, 1);
        var totals = new double[distinct];
        for (int i = 0; i < n; i++)
        {
            totals[dense[i]] += y[i];
        }

        var kept = new List<int>(n);
        var dropped = new List<int>();
        foreach (int i in Enumerable.Range(0, n))
        {
            (totals[dense[i]] > 0.0 || !spec.EntityEffects ? kept : dropped).Add(i);
        }

        Kept = kept.ToArray();
        Dropped = dropped.ToArray();
        _x = x;
        int m = Kept.Length;
        _dummy = new int[m];
        Y = new double[m];
        Entity = new int[m];
        var renumber = new int[distinct];
        Array.Fill(renumber, -1);
        _slot = new int[m];
        int groups = 0;
        for (int r = 0; r < m; r++)
        {
            int i = Kept[r];
            _dummy[r] = PanelDesign.DummyColumn(spec, year[i], i);
            Y[r] = y[i];
            Entity[r] = spec.EntityEffects ? entity[i] : 0;
            int g = dense[i];
            if (renumber[g] < 0)
            {
                renumber[g] = groups++;
            }

            _slot[r] = renumber[g];
        }

        Groups = spec.EntityEffects ? groups : 0;
        Spec = spec;
        Dummies = spec.YearDummies;
        Width = Dummies + x.GetLength(1);
    }

    public double[] Y { get; }
    public int[] Entity { get; }

    /// <summary>Indices (into the caller's rows) of the rows kept, in order.</summary>
    public int[] Kept { get; }

    /// <summary>Indices of the rows dropped because their entity's y is all zero.</summary>
    public int[] Dropped { get; }
    public int Groups { get; }
    public PanelSpec Spec { get; }
    public int Dummies { get; }

    /// <summary>Design columns: year dummies, then slopes.</summary>
    public int Width { get; }

    /// <summary>Dense entity number (0..Groups−1) of each kept row; all 0 without entity effects.</summary>
    public int[] Slot => _slot;

    /// <summary>Year-dummy column of each kept row (−1 for the reference year or without year effects).</summary>
    public int[] DummyIndex => _dummy;

    /// <summary>Slope j (a column of the caller's x) of kept row i.</summary>
    public double Slope(int i, int j) => _x[Kept[i], j];

    /// <summary>Design value of kept row i, column j.</summary>
    public double Value(int i, int j) => j < Dummies ? (_dummy[i] == j ? 1.0 : 0.0) : _x[Kept[i], j - Dummies];

    /// <summary>Linear predictor xβ (without α) and μ = exp(α_g + xβ).</summary>
    public (double[] Xb, double[] Mu) Mean(double[] beta)
    {
        int n = Y.Length;
        int slopes = Width - Dummies;
        var xb = new double[n];
        var mu = new double[n];
        bool entity = Spec.EntityEffects;
        // Row-wise work (the linear predictor and the exponentials) runs over ranges of rows in parallel; every value
        // depends on its row only, so the result does not depend on the schedule.
        ForRanges(n, range =>
        {
            for (int i = range.Item1; i < range.Item2; i++)
            {
                double s = _dummy[i] >= 0 ? beta[_dummy[i]] : 0.0;
                int row = Kept[i];
                for (int j = 0; j < slopes; j++)
                {
                    s += _x[row, j] * beta[Dummies + j];
                }

                xb[i] = s;
                if (!entity)
                {
                    mu[i] = Math.Exp(s);
                }
            }
        });

        if (!entity)
        {
            return (xb, mu);
        }

        // μ = exp(xβ − max_g)·Σ_g y / Σ_g exp(xβ − max_g): log-sum-exp, so that large linear predictors do not overflow.
        var max = Enumerable.Repeat(double.NegativeInfinity, Groups).ToArray();
        var sumY = new double[Groups];
        for (int i = 0; i < n; i++)
        {
            max[_slot[i]] = Math.Max(max[_slot[i]], xb[i]);
            sumY[_slot[i]] += Y[i];
        }

        ForRanges(n, range =>
        {
            for (int i = range.Item1; i < range.Item2; i++)
            {
                mu[i] = Math.Exp(xb[i] - max[_slot[i]]);
            }
        });

        var sumExp = new double[Groups];
        for (int i = 0; i < n; i++)
        {
            sumExp[_slot[i]] += mu[i];
        }

        var scale = new double[Groups];
        var offset = new double[Groups];
        for (int g = 0; g < Groups; g++)
        {
            scale[g] = sumY[g] / sumExp[g];
            offset[g] = Math.Log(sumY[g]) - max[g] - Math.Log(sumExp[g]);
        }

        ForRanges(n, range =>
        {
            for (int i = range.Item1; i < range.Item2; i++)
            {
                int g = _slot[i];
                // A row far below its entity's largest predictor underflows here; the logarithmic form keeps it positive.
                mu[i] = mu[i] > 0.0 ? mu[i] * scale[g] : Math.Exp(offset[g] + xb[i]);
            }
        });

        return (xb, mu);
    }

    /// <summary>Runs <paramref name="body"/> over ranges of rows, in parallel when there are many.</summary>
    private static void ForRanges(int n, Action<(int, int)> body)
    {
        const int Range = 16384;
        if (n < Work.ParallelThreshold)
        {
            body((0, n));
            return;
        }

        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, n, Range), range => body((range.Item1, range.Item2)));
    }

    /// <summary>Starting μ: (y + ȳ_g)/2 within entities (ppmlhdfe), y + 0.1 without (glm's mustart).</summary>
    public double[] StartingMean()
    {
        int n = Y.Length;
        if (!Spec.EntityEffects)
        {
            return Y.Select(v => v + 0.1).ToArray();
        }

        var sum = new double[Groups];
        var count = new int[Groups];
        for (int i = 0; i < n; i++)
        {
            sum[_slot[i]] += Y[i];
            count[_slot[i]]++;
        }

        return Enumerable.Range(0, n).Select(i => 0.5 * (Y[i] + sum[_slot[i]] / count[_slot[i]])).ToArray();
    }

    /// <summary>
    /// Rows of the design demeaned within entities with weights μ (the weighted partialling-out of the effects),
    /// scaled by √μ and followed by the demeaned z when <paramref name="z"/> is given (a WLS row), unscaled otherwise
    /// (a score row). Entries constant within an entity become exactly zero, as in <see cref="WithinTransform"/>.
    /// </summary>
    public RowWriter Demeaned(double[] mu, double[]? z)
    {
        int n = Y.Length;
        int width = Width + 1;
        var mean = new double[Math.Max(Groups, 1) * width];
        var first = new double[mean.Length];
        var varies = new bool[mean.Length];
        var seen = new bool[Math.Max(Groups, 1)];
        var total = new double[seen.Length];
        var row = new double[Width];
        if (Spec.EntityEffects)
        {
            for (int i = 0; i < n; i++)
            {
                int g = _slot[i];
                int o = g * width;
                Fill(i, row);
                total[g] += mu[i];
                for (int j = 0; j < width; j++)
                {
                    double v = j < Width ? row[j] : z is null ? 0.0 : z[i];
                    mean[o + j] += mu[i] * v;
                    if (!seen[g])
                    {
                        first[o + j] = v;
                    }
                    else if (v != first[o + j])
                    {
                        varies[o + j] = true;
                    }
                }

                seen[g] = true;
            }

            for (int o = 0; o < mean.Length; o++)
            {
                mean[o] /= total[o / width];
            }
        }

        bool entity = Spec.EntityEffects;
        bool wls = z is not null;
        double[] response = z ?? [];
        int columns = wls ? width : Width;
        return (i, target) =>
        {
            double s = wls ? Math.Sqrt(mu[i]) : 1.0;
            int o = _slot[i] * width;
            Fill(i, target);
            for (int j = 0; j < columns; j++)
            {
                double v = j < Width ? target[j] : response[i];
                target[j] = !entity ? s * v : varies[o + j] ? s * (v - mean[o + j]) : 0.0;
            }
        };
    }

    /// <summary>Overwrites the first k columns (column-major) with the kept rows' slopes.</summary>
    public void Slopes(double[][] columns) => ColumnRows.Fill(_x, Kept, columns);

    public static double DevianceTerm(double y, double mu) => y > 0.0 ? 2.0 * (y * Math.Log(y / mu) - (y - mu)) : 2.0 * mu;

    private void Fill(int i, Span<double> target)
    {
        target[..Dummies].Clear();
        if (_dummy[i] >= 0)
        {
            target[_dummy[i]] = 1.0;
        }

        int row = Kept[i];
        for (int j = Dummies; j < Width; j++)
        {
            target[j] = _x[row, j - Dummies];
        }
    }
}
