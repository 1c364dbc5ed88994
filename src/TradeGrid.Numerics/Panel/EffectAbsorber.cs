using System.Numerics;
using TradeGrid.Domain;

namespace TradeGrid.Numerics.Panel;

/// <summary>
/// Absorbs a panel's entity and year effects from column-major columns, in place and exactly. Entity effects go by the
/// (weighted) within transformation; the year dummies are then partialled out of the demeaned columns
/// (Frisch–Waugh–Lovell) by solving the small system of the demeaned dummies, D̃'WD̃·Γ = D̃'W·c. The slopes, residuals and
/// scores that follow equal those of a least-squares fit with the dummies as columns, but the QR then holds the slopes
/// alone: with 25 years and 5 slopes, 6 columns instead of 30. Where reghdfe and fixest iterate alternating projections
/// to a tolerance, one dimension of effects here is small (years), so its normal equations are solved directly and
/// nothing depends on a convergence tolerance.
/// </summary>
internal sealed class EffectAbsorber
{
    private readonly int[] _slot;
    private readonly int[] _year;
    private readonly int[] _order;
    private readonly int[] _start;
    private readonly bool _entity;
    private readonly int _years;
    private readonly int _firstDummy;

    /// <summary>Groups the rows by entity (when the spec absorbs entities) and indexes their years in the spec's list.</summary>
    public EffectAbsorber(ReadOnlySpan<int> entity, ReadOnlySpan<int> year, PanelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        int n = year.Length;
        if (entity.Length != n)
        {
            throw new ArgumentException($"entity has {entity.Length} rows, year {n}.", nameof(entity));
        }

        _entity = spec.EntityEffects;
        _years = spec.Years.Length;
        _firstDummy = _years - spec.YearDummies;
        _year = new int[n];
        for (int i = 0; i < n; i++)
        {
            int t = _years == 0 ? 0 : Array.BinarySearch(spec.Years, year[i]);
            if (t < 0)
            {
                throw new InvalidSpecException($"Row {i}: year {year[i]} is not in the spec's Years; list every year of the sample.");
            }

            _year[i] = t;
        }

        _slot = new int[n];
        Groups = _entity ? Regression.DenseIds.Number(entity, _slot) : (n == 0 ? 0 : 1);
        (_order, _start) = CountingSort(_slot, Math.Max(Groups, 1));
    }

    /// <summary>
    /// From rows already numbered: <paramref name="slot"/> holds dense entity numbers below <paramref name="groups"/> (all 0
    /// without entity effects) and <paramref name="yearIndex"/> each row's index in the spec's Years.
    /// </summary>
    public EffectAbsorber(int[] slot, int groups, int[] yearIndex, PanelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(yearIndex);
        ArgumentNullException.ThrowIfNull(spec);
        _entity = spec.EntityEffects;
        _years = spec.Years.Length;
        _firstDummy = _years - spec.YearDummies;
        _slot = slot;
        _year = yearIndex;
        Groups = _entity ? groups : (slot.Length == 0 ? 0 : 1);
        (_order, _start) = CountingSort(_slot, Math.Max(Groups, 1));
    }

    public int Rows => _slot.Length;

    /// <summary>Entity groups (0 without entity effects, where all rows form one group for the bookkeeping).</summary>
    public int EntityGroups => _entity ? Groups : 0;

    /// <summary>Year dummies in the model (the spec's YearDummies): the reference year is left out with entity effects.</summary>
    public int Dummies => _years - _firstDummy;

    private int Groups { get; }

    /// <summary>
    /// Demeans every column within entities with <paramref name="weights"/> (null: unit weights), then projects out the
    /// year dummies. A column constant within an entity becomes exactly zero there (as <see cref="WithinTransform"/>).
    /// Dummies whose demeaned column lies within <paramref name="tolerance"/> (sine of the angle) of the earlier ones'
    /// span are dropped, as the QR with the dummies as leading columns would drop them.
    /// </summary>
    public YearProjection Absorb(double[][] columns, double[]? weights, double tolerance)
    {
        YearMoments moments = Demean(columns, weights);
        int m = columns.Length;
        var norms = moments.SquaredNorms.Select(Math.Sqrt).ToArray();
        if (moments.Years == 0)
        {
            return new YearProjection(new double[_years * m], norms, 0);
        }

        (double[] gamma, int retained) = DroppingCholesky.Solve(moments.System, moments.Years, moments.Moments, m, tolerance);
        Project(columns, weights, gamma);
        return new YearProjection(ByYear(gamma, m), norms, retained);
    }

    /// <summary>
    /// The first half of <see cref="Absorb"/>: demeans every column within entities in place and returns what the year
    /// projection needs — the demeaned columns' sums per dummy year, the dummies' system D̃'WD̃ and Σw·c̃² per column.
    /// Blocks whose entities do not span one another add these (<see cref="YearMoments.Add"/>), so a coordinator can
    /// solve one projection for all of them.
    /// </summary>
    public YearMoments Demean(double[][] columns, double[]? weights)
    {
        ArgumentNullException.ThrowIfNull(columns);
        int n = Rows;
        int m = columns.Length;
        double[] total = EntityWeights(weights);
        int q = Dummies;
        var squares = new double[m];
        var moments = new double[q * m];
        foreach (double[] c in columns)
        {
            if (c.Length != n)
            {
                throw new ArgumentException($"A column has {c.Length} rows for {n}.", nameof(columns));
            }
        }

        // Columns are independent until the year system: one column per worker.
        Work.For(m, (long)n * m, j =>
        {
            double[] c = columns[j];
            var local = new double[q];
            squares[j] = _entity ? Demean(c, weights, total, local) : Moments(c, weights, local);
            for (int t = 0; t < q; t++)
            {
                moments[t * m + j] = local[t];
            }
        });

        return new YearMoments(q, m, moments, q == 0 ? [] : DummySystem(weights, total, q), squares);
    }

    /// <summary>
    /// The second half of <see cref="Absorb"/>: c ← c − D̃Γ for demeaned columns, with Γ (dummies × columns, row-major)
    /// solved from the moments of every block.
    /// </summary>
    public void Project(double[][] columns, double[]? weights, double[] gamma)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(gamma);
        int m = columns.Length;
        if (gamma.Length != Dummies * m)
        {
            throw new ArgumentException($"gamma has {gamma.Length} entries for {Dummies} year dummies × {m} columns.", nameof(gamma));
        }

        if (Dummies == 0)
        {
            return;
        }

        double[] total = EntityWeights(weights);
        double[] byYear = ByYear(gamma, m);
        Work.For(m, (long)Rows * m, j => Project(columns[j], weights, total, byYear, j, m));
    }

    private double[] ByYear(double[] gamma, int m)
    {
        var byYear = new double[_years * m];
        Array.Copy(gamma, 0, byYear, _firstDummy * m, gamma.Length);
        return byYear;
    }

    private double[] EntityWeights(double[]? weights)
    {
        var total = new double[Math.Max(Groups, 1)];
        for (int i = 0; i < Rows; i++)
        {
            total[_slot[i]] += weights is null ? 1.0 : weights[i];
        }

        return total;
    }

    /// <summary>
    /// Demeans one column entity by entity, each entity's rows read twice while they are in cache (the rows of an entity
    /// are usually adjacent: an economy's or a pair's years), and adds the demeaned column's weighted sums per dummy year
    /// to <paramref name="moments"/>; returns Σw·c̃². Sums run in row order within the entity, as
    /// <see cref="WithinTransform"/> sums them.
    /// </summary>
    private double Demean(double[] c, double[]? weights, double[] total, double[] moments)
    {
        double squares = 0.0;
        for (int g = 0; g < total.Length; g++)
        {
            int end = _start[g + 1];
            if (_start[g] == end)
            {
                continue;
            }

            double first = c[_order[_start[g]]];
            double sum = 0.0;
            bool varies = false;
            for (int p = _start[g]; p < end; p++)
            {
                int i = _order[p];
                sum += (weights is null ? 1.0 : weights[i]) * c[i];
                varies |= c[i] != first;
            }

            double mean = sum / total[g];
            for (int p = _start[g]; p < end; p++)
            {
                int i = _order[p];
                double v = varies ? c[i] - mean : 0.0;
                c[i] = v;
                double wv = (weights is null ? 1.0 : weights[i]) * v;
                squares += wv * v;
                int t = _year[i] - _firstDummy;
                if (t >= 0)
                {
                    moments[t] += wv;
                }
            }
        }

        return squares;
    }

    /// <summary>Without entity effects: the column's weighted sums per dummy year, and Σw·c².</summary>
    private double Moments(double[] c, double[]? weights, double[] moments)
    {
        double squares = 0.0;
        for (int i = 0; i < c.Length; i++)
        {
            double wc = (weights is null ? 1.0 : weights[i]) * c[i];
            squares += wc * c[i];
            int t = _year[i] - _firstDummy;
            if (t >= 0)
            {
                moments[t] += wc;
            }
        }

        return squares;
    }

    /// <summary>D̃'WD̃ over the dummy years: diag(Σw per year) − Σ_g c_g c_g'/W_g, with c_g the entity's weight per year.</summary>
    private double[] DummySystem(double[]? weights, double[] total, int q)
    {
        var s = new double[q * q];
        for (int i = 0; i < Rows; i++)
        {
            int t = _year[i] - _firstDummy;
            if (t >= 0)
            {
                s[t * q + t] += weights is null ? 1.0 : weights[i];
            }
        }

        if (!_entity)
        {
            return s;
        }

        var local = new double[_years];
        var touched = new int[Math.Max(_years, 1)];
        for (int g = 0; g < Groups; g++)
        {
            int n = 0;
            for (int p = _start[g]; p < _start[g + 1]; p++)
            {
                int i = _order[p];
                int t = _year[i] - _firstDummy;
                if (t < 0)
                {
                    continue;
                }

                if (local[t] == 0.0)
                {
                    if (n == touched.Length)
                    {
                        // A zero weight leaves its year untouched, so the year may come again.
                        Array.Resize(ref touched, 2 * n);
                    }

                    touched[n++] = t;
                }

                local[t] += weights is null ? 1.0 : weights[i];
            }

            Subtract(s, q, local, total[g], touched.AsSpan(0, n));
            foreach (int a in touched.AsSpan(0, n))
            {
                local[a] = 0.0;
            }
        }

        return s;
    }

    /// <summary>
    /// s ← s − c c'/w over the touched years (in the order they were touched). When they are consecutive ascending years
    /// (a group's rows in year order, the usual case), each row of the update is one contiguous vector operation: the
    /// same multiply, then subtract, per element, so the same bits as the element-by-element loop.
    /// </summary>
    private static void Subtract(double[] s, int q, double[] local, double weight, ReadOnlySpan<int> touched)
    {
        int n = touched.Length;
        if (n == 0)
        {
            return;
        }

        bool run = touched[n - 1] - touched[0] == n - 1;
        for (int k = 1; k < n && run; k++)
        {
            run = touched[k] == touched[k - 1] + 1;
        }

        foreach (int a in touched)
        {
            double scaled = local[a] / weight;
            if (run)
            {
                Span<double> row = s.AsSpan((a * q) + touched[0], n);
                ReadOnlySpan<double> c = local.AsSpan(touched[0], n);
                int b = 0;
                if (Vector.IsHardwareAccelerated)
                {
                    var factor = new Vector<double>(scaled);
                    for (; b <= n - Vector<double>.Count; b += Vector<double>.Count)
                    {
                        (new Vector<double>(row[b..]) - (factor * new Vector<double>(c[b..]))).CopyTo(row[b..]);
                    }
                }

                for (; b < n; b++)
                {
                    row[b] -= scaled * c[b];
                }

                continue;
            }

            foreach (int b in touched)
            {
                s[a * q + b] -= scaled * local[b];
            }
        }
    }

    /// <summary>c ← c − D̃Γ: each row loses its year's coefficient and regains its entity's weighted mean of them.</summary>
    private void Project(double[] c, double[]? weights, double[] total, double[] byYear, int j, int m)
    {
        if (!_entity)
        {
            for (int i = 0; i < c.Length; i++)
            {
                c[i] -= byYear[_year[i] * m + j];
            }

            return;
        }

        for (int g = 0; g < total.Length; g++)
        {
            int end = _start[g + 1];
            double sum = 0.0;
            for (int p = _start[g]; p < end; p++)
            {
                int i = _order[p];
                sum += (weights is null ? 1.0 : weights[i]) * byYear[_year[i] * m + j];
            }

            double mean = sum / total[g];
            for (int p = _start[g]; p < end; p++)
            {
                int i = _order[p];
                c[i] -= byYear[_year[i] * m + j] - mean;
            }
        }
    }

    private static (int[] Order, int[] Start) CountingSort(int[] slot, int groups)
    {
        var start = new int[groups + 1];
        foreach (int g in slot)
        {
            start[g + 1]++;
        }

        for (int g = 0; g < groups; g++)
        {
            start[g + 1] += start[g];
        }

        var next = (int[])start.Clone();
        var order = new int[slot.Length];
        for (int i = 0; i < slot.Length; i++)
        {
            order[next[slot[i]]++] = i;
        }

        return (order, start);
    }
}
