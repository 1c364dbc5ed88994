using TradeGrid.Domain;

namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// Projects up to four sets of fixed effects out of columns (optionally weighted), never forming a dummy column. With
/// D the rows' effect dummies (one column per group of every set) and W the weights, the projection of y is y − Dα
/// where α solves the normal equations D'WD α = D'W y. They are solved by conjugate gradient in the space of the
/// effects' coefficients (a few tens of thousands of numbers however many rows), preconditioned by the groups' total
/// weights (the diagonal of D'WD, so one set alone is solved in one step). One CG step is one pass over the rows: each
/// row adds the current direction's coefficients of its groups, times its weight, into the sums of its groups
/// (D'WD p); everything else works on coefficient vectors. D'WD is singular when sets overlap (a reporter×year and a
/// partner×year effect can trade a constant); CG on this consistent system still converges, and y − Dα is unique.
/// <para>
/// Convergence rule (reghdfe's "Hestenes" rule on the coefficients' CG): the objective ‖y − Dα‖²_W falls by
/// γₖ·rₖ'M⁻¹rₖ at step k; stop when √(Σ of the last three decreases / what is left of ‖y‖²_W) ≤ <see cref="Tolerance"/>.
/// What is left is ‖y‖²_W less every decrease so far, the squared norm of the demeaned column, so the rule is relative
/// to the column's within variation and a regressor almost explained by the effects is still solved to full relative
/// accuracy. It also stops when rₖ'M⁻¹rₖ reaches <see cref="RoundingFloor"/>²·‖y‖²_W, below which CG only drifts.
/// Non-convergence within <see cref="MaxIterations"/> throws, with the iterations and the tolerance.
/// </para>
/// <para>
/// The coefficient vectors of each column live in a workspace kept by the projector, so an IRLS loop that re-weights it
/// (<see cref="Reweight"/>) allocates nothing per step; the columns run in parallel.
/// </para>
/// </summary>
public sealed class EffectProjector
{
    private readonly int[][] _ids;
    private readonly int[] _groups;
    private readonly double[][] _inverseWeight;
    private readonly ContiguousSet? _contiguous;
    private readonly int[] _solved;
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
        _contiguous = ContiguousSet.Find(_ids, _groups);
        _solved = _contiguous?.Others ?? Enumerable.Range(0, _ids.Length).ToArray();
        Reweight(weights);
    }

    /// <summary>
    /// rₖ'M⁻¹rₖ below this squared times ‖y‖²_W is rounding: the residual cannot shrink further in double precision,
    /// and CG steps taken below it lose their orthogonality and drift.
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
        if (_contiguous is not null)
        {
            _contiguous.Reweight(_ids, weights, _inverseWeight);
            return;
        }

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
    public int Demean(Span<double> y, string column) => Demean(y, column, NewWorkspace());

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
                _workspaces[j] = NewWorkspace();
            }
        }

        var iterations = new int[columns.Length];
        Work.For(columns.Length, (long)Rows * columns.Length * 4, j => iterations[j] = Demean(columns[j], names[j], _workspaces[j]));
        return iterations.Length == 0 ? 0 : iterations.Max();
    }

    private int Demean(Span<double> y, string column, Workspace work)
    {
        if (y.Length != Rows)
        {
            throw new ArgumentException($"{y.Length} values for {Rows} rows.", nameof(y));
        }

        double[][] alpha = work.Alpha;
        double[][] r = work.Residual;
        double[][] z = work.Preconditioned;
        double[][] p = work.Direction;
        double[][] ap = work.Product;

        // r = D'W y (with a contiguous set eliminated: Dₒ'WMy), the start α = 0.
        double potential = _contiguous is null ? GroupSums(y, r) : _contiguous.Sums(_ids, _weights, y, r);
        double floor = RoundingFloor * RoundingFloor * potential;
        double rz = 0.0;
        foreach (int q in _solved)
        {
            Array.Clear(alpha[q]);
            double[] inverse = _inverseWeight[q];
            for (int g = 0; g < inverse.Length; g++)
            {
                double zg = r[q][g] * inverse[g];
                z[q][g] = zg;
                p[q][g] = zg;
                rz += r[q][g] * zg;
            }
        }

        if (!(rz > floor) || !(potential > 0.0))
        {
            _contiguous?.Finish(_ids, _weights, y, alpha);
            return 0;
        }

        Span<double> recent = stackalloc double[3];
        int iteration = 1;
        for (; ; iteration++)
        {
            if (iteration > MaxIterations)
            {
                throw new NoConvergenceException(
                    $"Projecting {Sets} sets of fixed effects out of {column} did not converge in {MaxIterations} iterations "
                    + $"(tolerance {Tolerance:G2}); the effects' groups are poorly connected: drop a set or use coarser effects.");
            }

            Product(p, ap, work.Scratch);
            double pap = 0.0;
            foreach (int q in _solved)
            {
                pap += Dot(p[q], ap[q]);
            }

            if (!(pap > 0.0))
            {
                break;
            }

            double step = rz / pap;
            recent[iteration % 3] = step * rz;
            potential -= step * rz;
            double rzNext = 0.0;
            foreach (int q in _solved)
            {
                double[] inverse = _inverseWeight[q];
                double[] aq = alpha[q], rq = r[q], zq = z[q], pq = p[q], apq = ap[q];
                for (int g = 0; g < inverse.Length; g++)
                {
                    aq[g] += step * pq[g];
                    double rg = rq[g] - step * apq[g];
                    rq[g] = rg;
                    double zg = rg * inverse[g];
                    zq[g] = zg;
                    rzNext += rg * zg;
                }
            }

            double change = recent[0] + recent[1] + recent[2];
            if (rzNext <= floor || change <= Tolerance * Tolerance * Math.Max(potential, 0.0))
            {
                break;
            }

            double beta = rzNext / rz;
            rz = rzNext;
            foreach (int q in _solved)
            {
                double[] pq = p[q], zq = z[q];
                for (int g = 0; g < pq.Length; g++)
                {
                    pq[g] = zq[g] + beta * pq[g];
                }
            }
        }

        if (_contiguous is null)
        {
            SubtractEffects(y, alpha);
        }
        else
        {
            _contiguous.Finish(_ids, _weights, y, alpha);
        }

        return iteration;
    }

    /// <summary>sums = D'W y per set; returns ‖y‖²_W.</summary>
    private double GroupSums(ReadOnlySpan<double> y, double[][] sums)
    {
        double[]? w = _weights;
        foreach (double[] s in sums)
        {
            Array.Clear(s);
        }

        var total = new BlockSum();
        for (int q = 0; q < _ids.Length; q++)
        {
            int[] id = _ids[q];
            double[] s = sums[q];
            for (int i = 0; i < y.Length; i++)
            {
                double wy = w is null ? y[i] : w[i] * y[i];
                s[id[i]] += wy;
                if (q == 0)
                {
                    total.Add(wy * y[i]);
                }
            }
        }

        return total.Total;
    }

    /// <summary>result = D'WD p (with a contiguous set eliminated: Dₒ'WMDₒ p): one pass over the rows.</summary>
    private void Product(double[][] p, double[][] result, double[] scratch)
    {
        foreach (double[] s in result)
        {
            Array.Clear(s);
        }

        double[]? w = _weights;
        if (_contiguous is not null)
        {
            _contiguous.Product(_ids, w, p, result, scratch);
            return;
        }

        switch (_ids.Length)
        {
            case 1:
            {
                int[] i0 = _ids[0];
                double[] p0 = p[0], a0 = result[0];
                for (int i = 0; i < i0.Length; i++)
                {
                    int g0 = i0[i];
                    a0[g0] += w is null ? p0[g0] : w[i] * p0[g0];
                }

                break;
            }

            case 2:
            {
                int[] i0 = _ids[0], i1 = _ids[1];
                double[] p0 = p[0], p1 = p[1], a0 = result[0], a1 = result[1];
                for (int i = 0; i < i0.Length; i++)
                {
                    int g0 = i0[i], g1 = i1[i];
                    double v = p0[g0] + p1[g1];
                    v = w is null ? v : w[i] * v;
                    a0[g0] += v;
                    a1[g1] += v;
                }

                break;
            }

            case 3:
            {
                int[] i0 = _ids[0], i1 = _ids[1], i2 = _ids[2];
                double[] p0 = p[0], p1 = p[1], p2 = p[2], a0 = result[0], a1 = result[1], a2 = result[2];
                for (int i = 0; i < i0.Length; i++)
                {
                    int g0 = i0[i], g1 = i1[i], g2 = i2[i];
                    double v = p0[g0] + p1[g1] + p2[g2];
                    v = w is null ? v : w[i] * v;
                    a0[g0] += v;
                    a1[g1] += v;
                    a2[g2] += v;
                }

                break;
            }

            default:
            {
                for (int i = 0; i < Rows; i++)
                {
                    double v = 0.0;
                    for (int q = 0; q < _ids.Length; q++)
                    {
                        v += p[q][_ids[q][i]];
                    }

                    v = w is null ? v : w[i] * v;
                    for (int q = 0; q < _ids.Length; q++)
                    {
                        result[q][_ids[q][i]] += v;
                    }
                }

                break;
            }
        }
    }

    /// <summary>y −= Dα.</summary>
    private void SubtractEffects(Span<double> y, double[][] alpha)
    {
        for (int q = 0; q < _ids.Length; q++)
        {
            int[] id = _ids[q];
            double[] a = alpha[q];
            for (int i = 0; i < y.Length; i++)
            {
                y[i] -= a[id[i]];
            }
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = new BlockSum();
        for (int i = 0; i < a.Length; i++)
        {
            sum.Add(a[i] * b[i]);
        }

        return sum.Total;
    }

    private Workspace NewWorkspace() => new(_groups, _contiguous?.Longest ?? 0);

    /// <summary>One column's CG vectors over the groups of every set, and a run's values for the products.</summary>
    private sealed class Workspace(int[] groups, int longestRun)
    {
        public double[] Scratch { get; } = new double[longestRun];

        public double[][] Alpha { get; } = groups.Select(g => new double[g]).ToArray();
        public double[][] Residual { get; } = groups.Select(g => new double[g]).ToArray();
        public double[][] Preconditioned { get; } = groups.Select(g => new double[g]).ToArray();
        public double[][] Direction { get; } = groups.Select(g => new double[g]).ToArray();
        public double[][] Product { get; } = groups.Select(g => new double[g]).ToArray();
    }
}
