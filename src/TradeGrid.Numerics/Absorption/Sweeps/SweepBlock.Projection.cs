using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>
/// The projection's side of a block: the columns with the eliminated set taken out, the CG products, the demeaned
/// columns. Row-length buffers are kept and reused from one projection to the next (PPML projects at every step).
/// </summary>
public sealed partial class SweepBlock
{
    private double[]? _w;
    private double[] _inverseEliminated = [];
    private SweepTarget _target;
    private bool _regressors;
    private double[] _v = [];
    private double[][] _base = [];
    private double[][] _xt = [];
    private double[] _tt = [];
    private double[] _scratch = [];
    private double[] _means = [];
    private int[][] _global = [];
    private (int[] Order, int[] Starts)? _byEliminated;
    private double[]? _certificateWeights;

    /// <summary>Each row's index in the coordinator's vectors, per solved set (its groups' slots, row by row).</summary>
    private SweepReply Layout(SweepCommand command)
    {
        int[][] slots = command.Slots ?? throw new ArgumentException("Layout needs the slots.", nameof(command));
        _global = _solved.Select(q => Array.ConvertAll(_ids[q], g => slots[q][g])).ToArray();
        return new SweepReply { Rows = _y.Length };
    }

    private SweepReply Start(SweepCommand command)
    {
        int n = _y.Length;
        _w = command.Weights switch
        {
            SweepWeights.Mu => _mu ?? throw new InvalidOperationException("μ is not set: Accept with the mean first."),
            SweepWeights.Certificate => _certificateWeights?.Length == n ? _certificateWeights
                : _certificateWeights = Array.ConvertAll(_y, v => v > 0.0 ? PoissonRectifier.PositiveWeight : 1.0),
            _ => null,
        };
        _target = command.Target;
        _regressors = command.Regressors;
        _v = command.Target switch
        {
            SweepTarget.Working => Working(),
            SweepTarget.Certificate => _u ??= Array.ConvertAll(_y, v => v > 0.0 ? 0.0 : 1.0),
            _ => _y,
        };
        double[][] columns = command.Regressors ? [.. _x, _v] : [_v];
        if (_eliminated >= 0)
        {
            var weight = new double[_raw[_eliminated].Length];
            int[] id = _ids[_eliminated];
            for (int i = 0; i < n; i++)
            {
                weight[id[i]] += _w?[i] ?? 1.0;
            }

            _inverseEliminated = Array.ConvertAll(weight, t => t > 0.0 ? 1.0 / t : 0.0);
        }

        if (_base.Length != columns.Length || _base[0].Length != n)
        {
            _base = columns.Select(_ => new double[n]).ToArray();
        }

        var sums = new double[columns.Length][][];
        var potentials = new double[columns.Length];
        for (int j = 0; j < columns.Length; j++)
        {
            double[] b = _base[j];
            Array.Copy(columns[j], b, n);
            if (command.Vectors?[j] is { } start)
            {
                SubtractEffects(b, start);
            }

            WithinEliminated(b);
            sums[j] = SolvedSums(b);
            double potential = 0.0;
            for (int i = 0; i < n; i++)
            {
                potential += (_w?[i] ?? 1.0) * b[i] * b[i];
            }

            potentials[j] = potential;
        }

        (double[][] diagonal, double[][] total, double[][] shared) = Diagonal();
        return new SweepReply { Rows = n, Counts = diagonal, Positives = total, Shared = shared, Vectors = sums, Scalars = potentials };
    }

    /// <summary>
    /// Per solved set and group: the block's share of the diagonal of D'WMD (Σ over eliminated groups h of
    /// w_gh − w_gh²/W_h, as <see cref="ContiguousSet"/>), its total weight, and whether it shares an eliminated group with
    /// another group (1) or not (0: M absorbs it wholly there). Without an eliminated set the diagonal is the weight.
    /// </summary>
    private (double[][] Diagonal, double[][] Total, double[][] Shared) Diagonal()
    {
        int n = _y.Length;
        var diagonal = new double[_solved.Length][];
        var total = new double[_solved.Length][];
        var shared = new double[_solved.Length][];
        (int[] order, int[] starts) = _eliminated >= 0 ? ByEliminated() : ([], []);
        for (int s = 0; s < _solved.Length; s++)
        {
            int[] id = _ids[_solved[s]];
            int groups = _raw[_solved[s]].Length;
            double[] d = diagonal[s] = new double[groups];
            double[] t = total[s] = new double[groups];
            double[] sh = shared[s] = new double[groups];
            if (_eliminated < 0)
            {
                for (int i = 0; i < n; i++)
                {
                    t[id[i]] += _w?[i] ?? 1.0;
                }

                Array.Copy(t, d, groups);
                Array.Fill(sh, 1.0);
                continue;
            }

            var weight = new double[groups];
            var rows = new int[groups];
            for (int h = 0; h < _inverseEliminated.Length; h++)
            {
                for (int o = starts[h]; o < starts[h + 1]; o++)
                {
                    int i = order[o];
                    weight[id[i]] += _w?[i] ?? 1.0;
                    rows[id[i]]++;
                }

                for (int o = starts[h]; o < starts[h + 1]; o++)
                {
                    int g = id[order[o]];
                    if (rows[g] != 0)
                    {
                        double part = weight[g];
                        d[g] += part - part * part * _inverseEliminated[h];
                        t[g] += part;
                        sh[g] = rows[g] != starts[h + 1] - starts[h] ? 1.0 : sh[g];
                        weight[g] = 0.0;
                        rows[g] = 0;
                    }
                }
            }
        }

        return (diagonal, total, shared);
    }

    /// <summary>The rows in order of their eliminated group, and where each group starts (kept until the rows change).</summary>
    private (int[] Order, int[] Starts) ByEliminated()
    {
        if (_byEliminated is { } kept && kept.Order.Length == _y.Length)
        {
            return kept;
        }

        int[] e = _ids[_eliminated];
        int groups = _raw[_eliminated].Length;
        var starts = new int[groups + 1];
        foreach (int h in e)
        {
            starts[h + 1]++;
        }

        for (int h = 0; h < groups; h++)
        {
            starts[h + 1] += starts[h];
        }

        var order = new int[e.Length];
        int[] at = starts[..^1].ToArray();
        for (int i = 0; i < e.Length; i++)
        {
            order[at[e[i]]++] = i;
        }

        _byEliminated = (order, starts);
        return (order, starts);
    }

    private SweepReply Product(SweepCommand command)
    {
        double[][][] p = command.Vectors ?? throw new ArgumentException("Product needs the directions.", nameof(command));
        var result = new double[p.Length][][];
        double[] t = Scratch();
        for (int j = 0; j < p.Length; j++)
        {
            Array.Clear(t);
            SubtractEffects(t, p[j]);
            // t = −D p; M and D'W are linear, so the sign comes back below.
            WithinEliminated(t);
            double[][] sums = SolvedSums(t);
            foreach (double[] s in sums)
            {
                for (int g = 0; g < s.Length; g++)
                {
                    s[g] = -s[g];
                }
            }

            result[j] = sums;
        }

        return new SweepReply { Rows = _y.Length, Vectors = result };
    }

    private SweepReply Finish(SweepCommand command)
    {
        double[][][] alpha = command.Vectors ?? throw new ArgumentException("Finish needs the solved effects.", nameof(command));
        int n = _y.Length;
        bool regressors = _regressors;
        if (regressors && (_xt.Length != _x.Length || (_xt.Length > 0 && _xt[0].Length != n)))
        {
            _xt = _x.Select(_ => new double[n]).ToArray();
        }

        if (_tt.Length != n)
        {
            _tt = new double[n];
        }

        double[] t = Scratch();
        for (int j = 0; j < _base.Length; j++)
        {
            Array.Clear(t);
            SubtractEffects(t, alpha[j]);
            WithinEliminated(t);
            double[] d = j == _base.Length - 1 ? _tt : _xt[j];
            double[] b = _base[j];
            for (int i = 0; i < n; i++)
            {
                d[i] = b[i] + t[i];
            }
        }

        QrPart part = RowQr.FactorColumns([.. _xt, _tt], _w, 0);
        return new SweepReply { Rows = n, Part = part, Scalars = regressors ? Moments() : null };
    }

    /// <summary>A row-length buffer for one column's product (reused).</summary>
    private double[] Scratch() => _scratch.Length == _y.Length ? _scratch : _scratch = new double[_y.Length];

    /// <summary>Per regressor (Σw, weighted mean, Σw(x − mean)²) before the projection: the rank rule's scale.</summary>
    private double[] Moments()
    {
        var moments = new double[_x.Length * 3];
        for (int j = 0; j < _x.Length; j++)
        {
            (moments[3 * j], moments[3 * j + 1], moments[3 * j + 2]) = AbsorbedSolve.CentredMoments(_x[j], _w);
        }

        return moments;
    }

    /// <summary>b −= D α over the solved sets (α whole, read through each row's slot).</summary>
    private void SubtractEffects(double[] b, double[][] alpha)
    {
        for (int s = 0; s < _solved.Length; s++)
        {
            int[] at = _global[s];
            double[] a = alpha[s];
            for (int i = 0; i < b.Length; i++)
            {
                b[i] -= a[at[i]];
            }
        }
    }

    /// <summary>b = M b: each row less its eliminated group's weighted mean.</summary>
    private void WithinEliminated(double[] b)
    {
        if (_eliminated < 0)
        {
            return;
        }

        int[] id = _ids[_eliminated];
        if (_means.Length != _inverseEliminated.Length)
        {
            _means = new double[_inverseEliminated.Length];
        }

        double[] means = _means;
        Array.Clear(means);
        for (int i = 0; i < b.Length; i++)
        {
            means[id[i]] += (_w?[i] ?? 1.0) * b[i];
        }

        for (int g = 0; g < means.Length; g++)
        {
            means[g] *= _inverseEliminated[g];
        }

        for (int i = 0; i < b.Length; i++)
        {
            b[i] -= means[id[i]];
        }
    }

    /// <summary>D'W b per solved set, over the block's groups.</summary>
    private double[][] SolvedSums(double[] b)
    {
        var sums = new double[_solved.Length][];
        for (int s = 0; s < _solved.Length; s++)
        {
            int[] id = _ids[_solved[s]];
            var sum = new double[_raw[_solved[s]].Length];
            for (int i = 0; i < b.Length; i++)
            {
                sum[id[i]] += (_w?[i] ?? 1.0) * b[i];
            }

            sums[s] = sum;
        }

        return sums;
    }
}
