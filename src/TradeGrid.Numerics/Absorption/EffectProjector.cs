using TradeGrid.Domain;

namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// Projects up to four sets of fixed effects out of columns (optionally weighted), never forming a dummy column:
/// conjugate gradient on the symmetric Kaczmarz sweep, as reghdfe's default (Correia 2017). One sweep T subtracts
/// each set's weighted group means in turn, forward then back (1, 2, …, Q, …, 2, 1), so T = A'A is symmetric and
/// positive semi-definite in the W inner product, and I − T is positive definite on the span of the effects: CG solves
/// (I − T)z = (I − T)y and y − z is y with every effect projected out.
/// <para>
/// Convergence rule (reghdfe's "Hestenes" rule): with αₖ‖rₖ‖² the decrease of the CG objective at step k, stop when
/// √(Σ of the last three decreases / what is left of ‖y‖²_W) ≤ <see cref="Tolerance"/>. What is left is ‖y‖²_W less
/// every decrease so far, i.e. the squared norm of the demeaned column; the rule is relative to the column's within
/// variation, so a regressor almost explained by the effects is still solved to full relative accuracy. It also stops
/// when the residual ‖(I − T)y‖_W reaches the rounding floor <see cref="RoundingFloor"/>·‖y₀‖_W, below which CG
/// would drift (a tolerance near machine precision would otherwise never be met). One set of
/// effects converges in one step (T is then the exact projection). Non-convergence within
/// <see cref="MaxIterations"/> throws, with the iterations and the tolerance reached.
/// </para>
/// </summary>
public sealed class EffectProjector
{
    private readonly int[][] _ids;
    private readonly double[][] _inverseWeight;
    private readonly double[]? _weights;
    private readonly int[] _order;

    /// <summary>Sets of dense group ids (0…G−1 per set, one id per row) and optional row weights (PPML's μ).</summary>
    public EffectProjector(IReadOnlyList<int[]> ids, IReadOnlyList<int> groups, double[]? weights, double tolerance = 1e-13, int maxIterations = 20_000)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(groups);
        if (ids.Count == 0 || ids.Count != groups.Count)
        {
            throw new ArgumentException($"{ids.Count} sets of ids for {groups.Count} group counts; give at least one set.", nameof(ids));
        }

        Rows = ids[0].Length;
        _ids = ids.ToArray();
        _weights = weights;
        Tolerance = tolerance;
        MaxIterations = maxIterations;
        _inverseWeight = new double[_ids.Length][];
        for (int q = 0; q < _ids.Length; q++)
        {
            var total = new double[groups[q]];
            int[] id = _ids[q];
            for (int i = 0; i < Rows; i++)
            {
                total[id[i]] += weights is null ? 1.0 : weights[i];
            }

            for (int g = 0; g < total.Length; g++)
            {
                total[g] = total[g] > 0.0 ? 1.0 / total[g] : 0.0;
            }

            _inverseWeight[q] = total;
        }

        // Forward then back: 0, 1, …, Q−1, Q−2, …, 0 (a single set is swept once).
        _order = Enumerable.Range(0, _ids.Length).Concat(Enumerable.Range(0, _ids.Length - 1).Reverse()).ToArray();
    }

    /// <summary>
    /// ‖(I − T)y‖ below this times ‖y₀‖ is rounding: the residual cannot shrink further in double precision, and CG
    /// steps taken below it lose their orthogonality and drift (the last three decreases lag behind by design).
    /// </summary>
    public const double RoundingFloor = 16 * 2.220446049250313e-16;

    public int Rows { get; }

    public double Tolerance { get; }

    public int MaxIterations { get; }

    /// <summary>Sets of effects.</summary>
    public int Sets => _ids.Length;

    /// <summary>
    /// Replaces <paramref name="y"/> by y with every effect projected out and returns the CG iterations. A start already
    /// near the answer (the previous IRLS step's demeaned column plus the change of the column) converges in fewer.
    /// </summary>
    public int Demean(Span<double> y, string column)
    {
        int n = Rows;
        if (y.Length != n)
        {
            throw new ArgumentException($"{y.Length} values for {n} rows.", nameof(y));
        }

        double[][] sums = _inverseWeight.Select(g => new double[g.Length]).ToArray();
        if (_ids.Length == 1)
        {
            Subtract(y, 0, sums[0]);
            return 1;
        }

        var r = new double[n];
        var u = new double[n];
        var v = new double[n];
        y.CopyTo(r);
        Sweep(r, sums);
        for (int i = 0; i < n; i++)
        {
            r[i] = y[i] - r[i];
        }

        double ssr = Dot(r, r);
        double potential = Dot(y, y);
        double floor = RoundingFloor * RoundingFloor * potential;
        if (ssr <= 0.0 || potential <= 0.0)
        {
            return 0;
        }

        r.CopyTo(u, 0);
        Span<double> recent = stackalloc double[3];
        for (int iteration = 1; iteration <= MaxIterations; iteration++)
        {
            u.CopyTo(v, 0);
            Sweep(v, sums);
            for (int i = 0; i < n; i++)
            {
                v[i] = u[i] - v[i];
            }

            double uv = Dot(u, v);
            if (!(uv > 0.0))
            {
                return iteration;
            }

            double alpha = ssr / uv;
            recent[iteration % 3] = alpha * ssr;
            potential -= alpha * ssr;
            for (int i = 0; i < n; i++)
            {
                y[i] -= alpha * u[i];
                r[i] -= alpha * v[i];
            }

            double previous = ssr;
            ssr = Dot(r, r);
            double change = recent[0] + recent[1] + recent[2];
            if (ssr <= floor || change <= Tolerance * Tolerance * Math.Max(potential, 0.0))
            {
                return iteration;
            }

            double beta = ssr / previous;
            for (int i = 0; i < n; i++)
            {
                u[i] = r[i] + beta * u[i];
            }
        }

        throw new NoConvergenceException(
            $"Projecting {Sets} sets of fixed effects out of {column} did not converge in {MaxIterations} iterations "
            + $"(tolerance {Tolerance:G2}); the effects' groups are poorly connected: drop a set or use coarser effects.");
    }

    /// <summary>Demeans every column of a row-major n×k array (and the response) in parallel; returns the most iterations.</summary>
    public int DemeanColumns(double[][] columns, IReadOnlyList<string> names)
    {
        var iterations = new int[columns.Length];
        Work.For(columns.Length, (long)Rows * columns.Length * 4, j => iterations[j] = Demean(columns[j], names[j]));
        return iterations.Length == 0 ? 0 : iterations.Max();
    }

    /// <summary>W-inner product.</summary>
    public double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0.0;
        double c = 0.0;
        if (_weights is null)
        {
            for (int i = 0; i < a.Length; i++)
            {
                // Neumaier summation: the CG decreases are differences of large sums.
                double t = a[i] * b[i];
                double sum = s + t;
                c += Math.Abs(s) >= Math.Abs(t) ? (s - sum) + t : (t - sum) + s;
                s = sum;
            }
        }
        else
        {
            for (int i = 0; i < a.Length; i++)
            {
                double t = _weights[i] * a[i] * b[i];
                double sum = s + t;
                c += Math.Abs(s) >= Math.Abs(t) ? (s - sum) + t : (t - sum) + s;
                s = sum;
            }
        }

        return s + c;
    }

    private void Sweep(Span<double> x, double[][] sums)
    {
        foreach (int q in _order)
        {
            Subtract(x, q, sums[q]);
        }
    }

    /// <summary>x −= weighted group means of x in set q.</summary>
    private void Subtract(Span<double> x, int q, double[] sums)
    {
        int[] id = _ids[q];
        double[] inverse = _inverseWeight[q];
        Array.Clear(sums);
        if (_weights is null)
        {
            for (int i = 0; i < x.Length; i++)
            {
                sums[id[i]] += x[i];
            }
        }
        else
        {
            for (int i = 0; i < x.Length; i++)
            {
                sums[id[i]] += _weights[i] * x[i];
            }
        }

        for (int g = 0; g < sums.Length; g++)
        {
            sums[g] *= inverse[g];
        }

        for (int i = 0; i < x.Length; i++)
        {
            x[i] -= sums[id[i]];
        }
    }
}
