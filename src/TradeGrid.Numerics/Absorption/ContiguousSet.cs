using System.Numerics;

namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// A set of effects whose every group is one run of consecutive rows (a pair's years, when each economy's rows come
/// partner by partner), eliminated exactly inside <see cref="EffectProjector"/>'s conjugate gradient. With M the
/// weighted within-run demeaning (each row less its run's weighted mean), the projection of y is M(y − Dₒαₒ), where the
/// other sets' coefficients αₒ solve Dₒ'WMDₒ αₒ = Dₒ'WMy: the CG runs on that smaller system (its preconditioner the
/// exact diagonal of Dₒ'WMDₒ), and the run set, usually the largest, never enters it. Each product is still one pass
/// over the rows: a run's values, its weighted mean, then its rows' contributions.
/// </summary>
internal sealed class ContiguousSet
{
    private readonly int[] _starts;
    private readonly double[] _inverseRunWeight;
    private readonly bool[] _aligned;

    private ContiguousSet(int set, int[] others, int[] starts, int longest, int[][] ids)
    {
        Set = set;
        Others = others;
        _starts = starts;
        _inverseRunWeight = new double[starts.Length - 1];
        Longest = longest;
        _aligned = others.Length == 2 ? Aligned(ids[others[0]], ids[others[1]], starts) : [];
    }

    /// <summary>The eliminated set.</summary>
    public int Set { get; }

    /// <summary>The sets the CG solves for.</summary>
    public int[] Others { get; }

    /// <summary>Runs whose products go by vectors (<see cref="AlignedRun"/>).</summary>
    public int AlignedRuns => _aligned.Count(a => a);

    /// <summary>Rows of the longest run (the size of a product's scratch).</summary>
    public int Longest { get; }

    /// <summary>The set with the most groups among those whose groups are each one run (and not every one a single row); null when none is.</summary>
    public static ContiguousSet? Find(int[][] ids, int[] groups)
    {
        int rows = ids.Length == 0 ? 0 : ids[0].Length;
        int best = -1;
        for (int q = 0; q < ids.Length; q++)
        {
            int[] id = ids[q];
            int runs = rows == 0 ? 0 : 1;
            for (int i = 1; i < rows; i++)
            {
                runs += id[i] != id[i - 1] ? 1 : 0;
            }

            // Dense ids: as many runs as groups means no group is split over two runs.
            if (runs == groups[q] && rows > runs && (best < 0 || groups[q] > groups[best]))
            {
                best = q;
            }
        }

        if (best < 0)
        {
            return null;
        }

        int[] set = ids[best];
        var starts = new int[groups[best] + 1];
        int longest = 0;
        for (int i = 0, r = -1; i <= rows; i++)
        {
            if (i == rows || i == 0 || set[i] != set[i - 1])
            {
                if (r >= 0)
                {
                    longest = Math.Max(longest, i - starts[r]);
                }

                if (i < rows)
                {
                    starts[++r] = i;
                }
            }
        }

        starts[^1] = rows;
        return new ContiguousSet(best, Enumerable.Range(0, ids.Length).Where(q => q != best).ToArray(), starts, longest, ids);
    }

    /// <summary>
    /// The runs' inverse weights and, for each other set, the inverse of the exact diagonal of Dₒ'WMDₒ: Σ over runs of
    /// w_g − w_g²/W_run for the group's weight w_g in a run of weight W_run. A group nested in the run set (every run it
    /// has rows in is all its own) has a zero diagonal and its coefficient stays at zero; a diagonal that rounding made
    /// ≤ 0 (weights many orders apart) falls back to the group's total weight, which only slows the CG.
    /// </summary>
    public void Reweight(int[][] ids, double[]? w, double[][] inverseDiagonal)
    {
        for (int r = 0; r < _inverseRunWeight.Length; r++)
        {
            double total = 0.0;
            for (int i = _starts[r]; i < _starts[r + 1]; i++)
            {
                total += w is null ? 1.0 : w[i];
            }

            _inverseRunWeight[r] = total > 0.0 ? 1.0 / total : 0.0;
        }

        Work.For(Others.Length, (long)_starts[^1] * Others.Length, o =>
        {
            int q = Others[o];
            int[] id = ids[q];
            double[] diagonal = inverseDiagonal[q];
            var weight = new double[diagonal.Length];
            var rows = new int[diagonal.Length];
            var total = new double[diagonal.Length];
            var shared = new bool[diagonal.Length];
            Array.Clear(diagonal);
            for (int r = 0; r < _inverseRunWeight.Length; r++)
            {
                int start = _starts[r], end = _starts[r + 1];
                for (int i = start; i < end; i++)
                {
                    int g = id[i];
                    weight[g] += w is null ? 1.0 : w[i];
                    rows[g]++;
                }

                for (int i = start; i < end; i++)
                {
                    int g = id[i];
                    if (rows[g] != 0)
                    {
                        double part = weight[g];
                        diagonal[g] += part - part * part * _inverseRunWeight[r];
                        total[g] += part;
                        shared[g] |= rows[g] != end - start;
                        weight[g] = 0.0;
                        rows[g] = 0;
                    }
                }
            }

            for (int g = 0; g < diagonal.Length; g++)
            {
                diagonal[g] = !shared[g] ? 0.0 : diagonal[g] > 0.0 ? 1.0 / diagonal[g] : total[g] > 0.0 ? 1.0 / total[g] : 0.0;
            }
        });
    }

    /// <summary>sums = Dₒ'WMy per other set; returns ‖My‖²_W.</summary>
    public double Sums(int[][] ids, double[]? w, ReadOnlySpan<double> y, double[][] sums)
    {
        var total = new BlockSum();
        for (int r = 0; r < _inverseRunWeight.Length; r++)
        {
            int start = _starts[r], end = _starts[r + 1];
            double mean = 0.0;
            for (int i = start; i < end; i++)
            {
                mean += (w is null ? 1.0 : w[i]) * y[i];
            }

            mean *= _inverseRunWeight[r];
            for (int i = start; i < end; i++)
            {
                double wi = w is null ? 1.0 : w[i];
                double e = y[i] - mean;
                foreach (int q in Others)
                {
                    sums[q][ids[q][i]] += wi * e;
                }

                total.Add(wi * e * e);
            }
        }

        return total.Total;
    }

    /// <summary>result = Dₒ'WMDₒ p over the other sets (result cleared by the caller); <paramref name="scratch"/> holds a run's values.</summary>
    public void Product(int[][] ids, double[]? w, double[][] p, double[][] result, double[] scratch)
    {
        if (Others.Length == 2)
        {
            ProductOfTwo(ids, w, p, result, scratch);
            return;
        }

        for (int r = 0; r < _inverseRunWeight.Length; r++)
        {
            int start = _starts[r], end = _starts[r + 1];
            double mean = 0.0;
            for (int i = start; i < end; i++)
            {
                double v = 0.0;
                foreach (int q in Others)
                {
                    v += p[q][ids[q][i]];
                }

                scratch[i - start] = v;
                mean += (w is null ? 1.0 : w[i]) * v;
            }

            mean *= _inverseRunWeight[r];
            for (int i = start; i < end; i++)
            {
                double u = (w is null ? 1.0 : w[i]) * (scratch[i - start] - mean);
                foreach (int q in Others)
                {
                    result[q][ids[q][i]] += u;
                }
            }
        }
    }

    /// <summary>y ← M(y − Dₒαₒ).</summary>
    public void Finish(int[][] ids, double[]? w, Span<double> y, double[][] alpha)
    {
        for (int r = 0; r < _inverseRunWeight.Length; r++)
        {
            int start = _starts[r], end = _starts[r + 1];
            double mean = 0.0;
            for (int i = start; i < end; i++)
            {
                double e = y[i];
                foreach (int q in Others)
                {
                    e -= alpha[q][ids[q][i]];
                }

                y[i] = e;
                mean += (w is null ? 1.0 : w[i]) * e;
            }

            mean *= _inverseRunWeight[r];
            for (int i = start; i < end; i++)
            {
                y[i] -= mean;
            }
        }
    }

    /// <summary>The product for the common case of two other sets (exporter×year and importer×year beside pairs).</summary>
    private void ProductOfTwo(int[][] ids, double[]? w, double[][] p, double[][] result, double[] scratch)
    {
        int[] i0 = ids[Others[0]], i1 = ids[Others[1]];
        double[] p0 = p[Others[0]], p1 = p[Others[1]], a0 = result[Others[0]], a1 = result[Others[1]];
        for (int r = 0; r < _inverseRunWeight.Length; r++)
        {
            int start = _starts[r], end = _starts[r + 1];
            if (_aligned[r])
            {
                AlignedRun(start, end - start, i0[start], i1[start], w, p0, p1, a0, a1, _inverseRunWeight[r], scratch);
                continue;
            }

            double mean = 0.0;
            for (int i = start; i < end; i++)
            {
                double v = p0[i0[i]] + p1[i1[i]];
                scratch[i - start] = v;
                mean += (w is null ? 1.0 : w[i]) * v;
            }

            mean *= _inverseRunWeight[r];
            for (int i = start; i < end; i++)
            {
                double u = (w is null ? 1.0 : w[i]) * (scratch[i - start] - mean);
                a0[i0[i]] += u;
                a1[i1[i]] += u;
            }
        }
    }
    /// <summary>
    /// <see cref="ProductOfTwo"/> over a run whose groups in both other sets advance by one along its rows (a pair's
    /// consecutive years, with exporter×year and importer×year numbered year by year): the same operations on each
    /// element, in vectors over contiguous slices instead of one indexed load and store per row; the run's weighted
    /// mean is still summed row by row in order, so the bits are those of the row loop.
    /// </summary>
    private static void AlignedRun(
        int start, int length, int g0, int g1, double[]? w, double[] p0, double[] p1, double[] a0, double[] a1, double inverseRunWeight, double[] scratch)
    {
        Span<double> v = scratch.AsSpan(0, length);
        ReadOnlySpan<double> q0 = p0.AsSpan(g0, length), q1 = p1.AsSpan(g1, length);
        Span<double> b0 = a0.AsSpan(g0, length), b1 = a1.AsSpan(g1, length);
        ReadOnlySpan<double> weight = w is null ? default : w.AsSpan(start, length);
        int width = Vector<double>.Count;
        int j = 0;
        for (; j <= length - width; j += width)
        {
            (new Vector<double>(q0[j..]) + new Vector<double>(q1[j..])).CopyTo(v[j..]);
        }

        for (; j < length; j++)
        {
            v[j] = q0[j] + q1[j];
        }

        double mean = 0.0;
        for (int i = 0; i < length; i++)
        {
            mean += (w is null ? 1.0 : weight[i]) * v[i];
        }

        mean *= inverseRunWeight;
        var centre = new Vector<double>(mean);
        j = 0;
        for (; j <= length - width; j += width)
        {
            Vector<double> u = new Vector<double>(v[j..]) - centre;
            u = w is null ? u : new Vector<double>(weight[j..]) * u;
            (new Vector<double>(b0[j..]) + u).CopyTo(b0[j..]);
            (new Vector<double>(b1[j..]) + u).CopyTo(b1[j..]);
        }

        for (; j < length; j++)
        {
            double u = (w is null ? 1.0 : weight[j]) * (v[j] - mean);
            b0[j] += u;
            b1[j] += u;
        }
    }

    /// <summary>Per run: whether both sets' groups advance by one from the run's first row to its last.</summary>
    private static bool[] Aligned(int[] first, int[] second, int[] starts)
    {
        var aligned = new bool[starts.Length - 1];
        for (int r = 0; r < aligned.Length; r++)
        {
            int start = starts[r];
            bool step = true;
            for (int i = start + 1; i < starts[r + 1] && step; i++)
            {
                step = first[i] == first[start] + (i - start) && second[i] == second[start] + (i - start);
            }

            aligned[r] = step;
        }

        return aligned;
    }
}
