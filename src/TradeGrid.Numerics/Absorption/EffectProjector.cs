using TradeGrid.Domain;

namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// Projects up to four sets of fixed effects out of columns (optionally weighted), never forming a dummy column:
/// conjugate gradient on the symmetric Kaczmarz sweep, as reghdfe's default (Correia 2017). One sweep A subtracts
/// each set's weighted group means in turn, forward then back (1, 2, …, Q, …, 2, 1), so A is symmetric and positive
/// semi-definite in the W inner product, and I − A is positive definite on the span of the effects: CG solves
/// (I − A)z = (I − A)y and y − z is y with every effect projected out.
/// <para>
/// Convergence rule (reghdfe's "Hestenes" rule): with αₖ‖rₖ‖² the decrease of the CG objective at step k, stop when
/// √(Σ of the last three decreases / what is left of ‖y‖²_W) ≤ the tolerance. What is left is ‖y‖²_W less every
/// decrease so far, i.e. the squared norm of the demeaned column; the rule is relative to the column's within
/// variation, so a regressor almost explained by the effects is still solved to full relative accuracy. It also stops
/// when the residual ‖(I − A)y‖_W reaches the rounding floor <see cref="RoundingFloor"/>·‖y₀‖_W, below which CG
/// would drift (a tolerance near machine precision would otherwise never be met). One set of effects converges in one
/// step (A is then the exact projection). Non-convergence within <see cref="MaxIterations"/> throws, with the
/// iterations and the tolerance reached.
/// </para>
/// <para>
/// Cost: one CG step is 2Q passes over the rows (each pass subtracts the means of one set and sums the result into the
/// next set's groups, the last one also forms (I − A)u and its W-product with u) and one pass for the updates of y and
/// the residual with ‖r‖²_W. The group sums and the three row vectors of each column live in a <see cref="Workspace"/>
/// kept by the projector, so an IRLS loop that re-weights it (<see cref="Reweight"/>) allocates nothing per step.
/// </para>
/// </summary>
public sealed class EffectProjector
{
    private readonly int[][] _ids;
    private readonly int[] _groups;
    private readonly double[][] _inverseWeight;
    private readonly int[] _order;
    private double[]? _weights;
    private Workspace[] _workspaces = [];

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
        _groups = groups.ToArray();
        Tolerance = tolerance;
        MaxIterations = maxIterations;
        _inverseWeight = _groups.Select(g => new double[g]).ToArray();

        // Forward then back: 0, 1, …, Q−1, Q−2, …, 0 (a single set is swept once).
        _order = Enumerable.Range(0, _ids.Length).Concat(Enumerable.Range(0, _ids.Length - 1).Reverse()).ToArray();
        Reweight(weights);
    }

    /// <summary>
    /// ‖(I − A)y‖ below this times ‖y₀‖ is rounding: the residual cannot shrink further in double precision, and CG
    /// steps taken below it lose their orthogonality and drift (the last three decreases lag behind by design).
    /// </summary>
    public const double RoundingFloor = 16 * 2.220446049250313e-16;

    public int Rows { get; }

    /// <summary>The convergence tolerance of the next projections (an IRLS loop loosens it on its early steps).</summary>
    public double Tolerance { get; set; }

    public int MaxIterations { get; }

    /// <summary>Sets of effects.</summary>
    public int Sets => _ids.Length;

    /// <summary>Replaces the row weights (PPML's μ of the next IRLS step): the groups' total weights are summed again in place.</summary>
    public void Reweight(double[]? weights)
    {
        if (weights is not null && weights.Length != Rows)
        {
            throw new ArgumentException($"{weights.Length} weights for {Rows} rows.", nameof(weights));
        }

        _weights = weights;
        for (int q = 0; q < _ids.Length; q++)
        {
            double[] total = _inverseWeight[q];
            Array.Clear(total);
            int[] id = _ids[q];
            if (weights is null)
            {
                for (int i = 0; i < id.Length; i++)
                {
                    total[id[i]] += 1.0;
                }
            }
            else
            {
                for (int i = 0; i < id.Length; i++)
                {
                    total[id[i]] += weights[i];
                }
            }

            for (int g = 0; g < total.Length; g++)
            {
                total[g] = total[g] > 0.0 ? 1.0 / total[g] : 0.0;
            }
        }
    }

    /// <summary>
    /// Replaces <paramref name="y"/> by y with every effect projected out and returns the CG iterations. A start already
    /// near the answer (the previous IRLS step's demeaned column plus the change of the column) converges in fewer.
    /// </summary>
    public int Demean(Span<double> y, string column) => Demean(y, column, new Workspace(Rows, _groups));

    /// <summary>Demeans every column (the response among them) in parallel; returns the most iterations.</summary>
    public int DemeanColumns(double[][] columns, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (_workspaces.Length < columns.Length)
        {
            int had = _workspaces.Length;
            Array.Resize(ref _workspaces, columns.Length);
            for (int j = had; j < columns.Length; j++)
            {
                _workspaces[j] = new Workspace(Rows, _groups);
            }
        }

        var iterations = new int[columns.Length];
        Work.For(columns.Length, (long)Rows * columns.Length * 4, j => iterations[j] = Demean(columns[j], names[j], _workspaces[j]));
        return iterations.Length == 0 ? 0 : iterations.Max();
    }

    /// <summary>W-inner product.</summary>
    public double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = new BlockSum();
        double[]? w = _weights;
        for (int i = 0; i < a.Length; i++)
        {
            sum.Add(w is null ? a[i] * b[i] : w[i] * a[i] * b[i]);
        }

        return sum.Total;
    }

    private int Demean(Span<double> y, string column, Workspace work)
    {
        int n = Rows;
        if (y.Length != n)
        {
            throw new ArgumentException($"{y.Length} values for {n} rows.", nameof(y));
        }

        if (_ids.Length == 1)
        {
            SubtractOne(y, work.Sums[0]);
            return 1;
        }

        double[] r = work.R;
        double[] u = work.U;
        double[] v = work.V;

        // r = (I − A)y; u = r.
        Sweep(y, r, work.Sums, double.NaN, null);
        double ssr = Dot(r, r);
        double potential = Dot(y, y);
        double floor = RoundingFloor * RoundingFloor * potential;
        if (ssr <= 0.0 || potential <= 0.0)
        {
            return 0;
        }

        Span<double> recent = stackalloc double[3];
        double beta = 0.0;
        for (int iteration = 1; iteration <= MaxIterations; iteration++)
        {
            // u = r + βu (r itself on the first step), v = (I − A)u, uv = ⟨u, v⟩_W.
            double uv = Sweep(u, v, work.Sums, iteration == 1 ? double.NaN : beta, r);
            if (!(uv > 0.0))
            {
                return iteration;
            }

            double alpha = ssr / uv;
            recent[iteration % 3] = alpha * ssr;
            potential -= alpha * ssr;
            double previous = ssr;
            ssr = Update(y, r, u, v, alpha);
            double change = recent[0] + recent[1] + recent[2];
            if (ssr <= floor || change <= Tolerance * Tolerance * Math.Max(potential, 0.0))
            {
                return iteration;
            }

            beta = ssr / previous;
        }

        throw new NoConvergenceException(
            $"Projecting {Sets} sets of fixed effects out of {column} did not converge in {MaxIterations} iterations "
            + $"(tolerance {Tolerance:G2}); the effects' groups are poorly connected: drop a set or use coarser effects.");
    }

    /// <summary>
    /// output = (I − A)x and returns ⟨x, output⟩_W. With <paramref name="from"/>, x is first set to from + βx (β NaN: x = from).
    /// Pass s sums the running value into set order[s]'s groups after subtracting the means of set order[s − 1].
    /// </summary>
    private double Sweep(Span<double> x, double[] output, double[][] sums, double beta, double[]? from)
    {
        double[]? w = _weights;
        int n = x.Length;
        int first = _order[0];
        double[] s0 = sums[first];
        int[] id0 = _ids[first];
        Array.Clear(s0);
        if (from is not null)
        {
            bool copy = double.IsNaN(beta);
            for (int i = 0; i < n; i++)
            {
                double xi = copy ? from[i] : from[i] + beta * x[i];
                x[i] = xi;
                s0[id0[i]] += w is null ? xi : w[i] * xi;
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                s0[id0[i]] += w is null ? x[i] : w[i] * x[i];
            }
        }

        Scale(s0, _inverseWeight[first]);
        for (int step = 1; step < _order.Length; step++)
        {
            int previous = _order[step - 1];
            int q = _order[step];
            double[] mean = sums[previous];
            int[] idPrevious = _ids[previous];
            double[] s = sums[q];
            int[] id = _ids[q];
            Array.Clear(s);
            ReadOnlySpan<double> source = step == 1 ? x : output;
            for (int i = 0; i < n; i++)
            {
                double t = source[i] - mean[idPrevious[i]];
                output[i] = t;
                s[id[i]] += w is null ? t : w[i] * t;
            }

            Scale(s, _inverseWeight[q]);
        }

        // output = x − A x, where A x = output − the last set's means.
        int last = _order[^1];
        double[] lastMean = sums[last];
        int[] idLast = _ids[last];
        var dot = new BlockSum();
        for (int i = 0; i < n; i++)
        {
            double o = x[i] - (output[i] - lastMean[idLast[i]]);
            output[i] = o;
            dot.Add(w is null ? x[i] * o : w[i] * x[i] * o);
        }

        return dot.Total;
    }

    /// <summary>y −= αu, r −= αv; returns ‖r‖²_W.</summary>
    private double Update(Span<double> y, double[] r, double[] u, double[] v, double alpha)
    {
        double[]? w = _weights;
        var sum = new BlockSum();
        for (int i = 0; i < r.Length; i++)
        {
            y[i] -= alpha * u[i];
            double ri = r[i] - alpha * v[i];
            r[i] = ri;
            sum.Add(w is null ? ri * ri : w[i] * ri * ri);
        }

        return sum.Total;
    }

    /// <summary>x −= the weighted group means of x in the only set.</summary>
    private void SubtractOne(Span<double> x, double[] sums)
    {
        double[]? w = _weights;
        int[] id = _ids[0];
        Array.Clear(sums);
        for (int i = 0; i < x.Length; i++)
        {
            sums[id[i]] += w is null ? x[i] : w[i] * x[i];
        }

        Scale(sums, _inverseWeight[0]);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] -= sums[id[i]];
        }
    }

    private static void Scale(double[] sums, double[] inverse)
    {
        for (int g = 0; g < sums.Length; g++)
        {
            sums[g] *= inverse[g];
        }
    }

    /// <summary>The row vectors (r, u, v) and group sums of one column's CG.</summary>
    private sealed class Workspace(int rows, int[] groups)
    {
        public double[] R { get; } = new double[rows];
        public double[] U { get; } = new double[rows];
        public double[] V { get; } = new double[rows];
        public double[][] Sums { get; } = groups.Select(g => new double[g]).ToArray();
    }
}
