using TradeGrid.Numerics.Regression;

namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>The projection's side of a block: the columns with the eliminated set taken out, the CG products, the demeaned columns.</summary>
public sealed partial class SweepBlock
{
    private double[]? _w;
    private double[] _inverseEliminated = [];
    private SweepTarget _target;
    private double[] _v = [];
    private double[][] _base = [];
    private double[][] _xt = [];
    private double[] _tt = [];

    private SweepReply Start(SweepCommand command)
    {
        int n = _y.Length;
        _w = command.Weights switch
        {
            SweepWeights.Mu => _mu ?? throw new InvalidOperationException("μ is not set: Accept with the mean first."),
            SweepWeights.Certificate => Array.ConvertAll(_y, v => v > 0.0 ? PoissonRectifier.PositiveWeight : 1.0),
            _ => null,
        };
        _target = command.Target;
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

        _base = new double[columns.Length][];
        var sums = new double[columns.Length][][];
        var potentials = new double[columns.Length];
        for (int j = 0; j < columns.Length; j++)
        {
            double[] b = (double[])columns[j].Clone();
            if (command.Vectors?[j] is { } start)
            {
                SubtractEffects(b, start);
            }

            WithinEliminated(b);
            _base[j] = b;
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
        int[] order = [];
        int[] starts = [];
        if (_eliminated >= 0)
        {
            int[] e = _ids[_eliminated];
            starts = new int[_inverseEliminated.Length + 1];
            foreach (int h in e)
            {
                starts[h + 1]++;
            }

            for (int h = 0; h < _inverseEliminated.Length; h++)
            {
                starts[h + 1] += starts[h];
            }

            order = new int[n];
            int[] at = starts[..^1].ToArray();
            for (int i = 0; i < n; i++)
            {
                order[at[e[i]]++] = i;
            }
        }

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

    private SweepReply Product(SweepCommand command)
    {
        double[][][] p = command.Vectors ?? throw new ArgumentException("Product needs the directions.", nameof(command));
        var result = new double[p.Length][][];
        var t = new double[_y.Length];
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
        var t = new double[n];
        var demeaned = new double[_base.Length][];
        for (int j = 0; j < _base.Length; j++)
        {
            Array.Clear(t);
            SubtractEffects(t, alpha[j]);
            WithinEliminated(t);
            double[] d = (double[])_base[j].Clone();
            for (int i = 0; i < n; i++)
            {
                d[i] += t[i];
            }

            demeaned[j] = d;
        }

        double[]? moments = null;
        if (_base.Length > 1 || _x.Length == 0)
        {
            _xt = demeaned[..^1];
            moments = Moments();
        }

        _tt = demeaned[^1];
        QrPart part = RowQr.FactorColumns([.. _xt, _tt], _w, 0);
        return new SweepReply { Rows = n, Part = part, Scalars = moments };
    }

    /// <summary>Per regressor (Σw, weighted mean, Σw(x − mean)²) before the projection: the rank rule's scale.</summary>
    private double[] Moments()
    {
        var moments = new double[_x.Length * 3];
        for (int j = 0; j < _x.Length; j++)
        {
            double sw = 0.0, s = 0.0;
            double[] c = _x[j];
            for (int i = 0; i < c.Length; i++)
            {
                double w = _w?[i] ?? 1.0;
                sw += w;
                s += w * c[i];
            }

            double mean = s / sw;
            double ss = 0.0;
            for (int i = 0; i < c.Length; i++)
            {
                double d = c[i] - mean;
                ss += (_w?[i] ?? 1.0) * d * d;
            }

            (moments[3 * j], moments[3 * j + 1], moments[3 * j + 2]) = (sw, mean, ss);
        }

        return moments;
    }

    /// <summary>b −= D α over the solved sets.</summary>
    private void SubtractEffects(double[] b, double[][] alpha)
    {
        for (int s = 0; s < _solved.Length; s++)
        {
            int[] id = _ids[_solved[s]];
            double[] a = alpha[s];
            for (int i = 0; i < b.Length; i++)
            {
                b[i] -= a[id[i]];
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
        var means = new double[_inverseEliminated.Length];
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

    /// <summary>D'W b per solved set.</summary>
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
