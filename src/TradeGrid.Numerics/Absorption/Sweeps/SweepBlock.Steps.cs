namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>A block's side of the steps after a projection: residuals, PPML's η and μ, the separation certificate, the covariance's sums.</summary>
public sealed partial class SweepBlock
{
    private double[]? _mu;
    private double[]? _eta;
    private double[]? _muNew;
    private double[]? _etaNew;
    private double[]? _u;
    private double[]? _fit;
    private double[] _e = [];
    private double[] _z = [];

    /// <summary>PPML's working variable z = η + (y − μ)/μ.</summary>
    private double[] Working()
    {
        double[] mu = _mu ?? throw new InvalidOperationException("μ is not set: Accept with the mean first.");
        double[] eta = _eta!;
        double[] z = _z.Length == _y.Length ? _z : _z = new double[_y.Length];
        for (int i = 0; i < z.Length; i++)
        {
            z[i] = eta[i] + (_y[i] - mu[i]) / mu[i];
        }

        return z;
    }

    private SweepReply Residuals(SweepCommand command)
    {
        double[] beta = command.Beta ?? throw new ArgumentException("Residuals need the coefficients.", nameof(command));
        int n = _y.Length;
        double[] e = _e.Length == n ? _e : new double[n];
        Array.Copy(_tt, e, n);
        for (int j = 0; j < _xt.Length; j++)
        {
            double b = beta[j];
            if (b != 0.0)
            {
                double[] c = _xt[j];
                for (int i = 0; i < n; i++)
                {
                    e[i] -= b * c[i];
                }
            }
        }

        _e = e;
        switch (_target)
        {
            case SweepTarget.Working:
                _etaNew = _etaNew?.Length == n ? _etaNew : new double[n];
                _muNew = _muNew?.Length == n ? _muNew : new double[n];
                for (int i = 0; i < n; i++)
                {
                    _etaNew[i] = _v[i] - e[i];
                    _muNew[i] = Math.Exp(_etaNew[i]);
                }

                return new SweepReply { Rows = n, Scalars = [Deviance(_muNew)] };
            case SweepTarget.Certificate:
                _fit = _fit?.Length == n ? _fit : new double[n];
                double lowest = 0.0, highest = 0.0;
                for (int i = 0; i < n; i++)
                {
                    _fit[i] = _v[i] - e[i];
                    lowest = Math.Min(lowest, _fit[i]);
                    highest = _y[i] == 0.0 ? Math.Max(highest, _fit[i]) : highest;
                }

                return new SweepReply { Rows = n, Scalars = [lowest, highest] };
            default:
                double rss = 0.0, sum = 0.0, within = 0.0, squares = 0.0;
                for (int i = 0; i < n; i++)
                {
                    rss += e[i] * e[i];
                    sum += _y[i];
                    within += _tt[i] * _tt[i];
                    squares += _y[i] * _y[i];
                }

                double mean = sum / n, centred = 0.0;
                foreach (double v in _y)
                {
                    centred += (v - mean) * (v - mean);
                }

                return new SweepReply { Rows = n, Scalars = [rss, n, mean, centred, within, squares] };
        }
    }

    private SweepReply Halve()
    {
        double[] eta = _eta!, etaNew = _etaNew!, muNew = _muNew!;
        for (int i = 0; i < eta.Length; i++)
        {
            etaNew[i] = 0.5 * (etaNew[i] + eta[i]);
            muNew[i] = Math.Exp(etaNew[i]);
        }

        return new SweepReply { Rows = _y.Length, Scalars = [Deviance(muNew)] };
    }

    private SweepReply Accept(SweepCommand command)
    {
        if (command.Mean is double mean)
        {
            _mu = Array.ConvertAll(_y, v => (v + mean) / 2.0);
            _eta = Array.ConvertAll(_mu, Math.Log);
        }
        else
        {
            (_mu, _muNew) = (_muNew, _mu);
            (_eta, _etaNew) = (_etaNew, _eta);
        }

        return new SweepReply { Rows = _y.Length, Scalars = [Deviance(_mu!)] };
    }

    private SweepReply Rectify()
    {
        double[] fit = _fit!;
        _u = new double[_y.Length];
        for (int i = 0; i < _u.Length; i++)
        {
            _u[i] = _y[i] > 0.0 ? 0.0 : Math.Max(fit[i], 0.0);
        }

        return new SweepReply { Rows = _y.Length };
    }

    private SweepReply DropSeparated()
    {
        double[] fit = _fit!;
        int dropped = 0;
        string example = string.Empty;
        for (int i = 0; i < _y.Length; i++)
        {
            if (_y[i] == 0.0 && fit[i] > PoissonRectifier.Tolerance)
            {
                _keep[i] = false;
                example = dropped++ == 0 ? _where(_rows[i]) : example;
            }
        }

        _u = null;
        return new SweepReply { Rows = _y.Length - dropped, Dropped = dropped, Example = example };
    }

    private SweepReply Scores(SweepCommand command)
    {
        int[] kept = command.Kept ?? throw new ArgumentException("Scores need the kept regressors.", nameof(command));
        double[] factor = command.Factor ?? throw new ArgumentException("Scores need R.", nameof(command));
        int r = kept.Length;
        int n = _y.Length;
        double[] multiplier = _target == SweepTarget.Working ? ScoreOfMu() : _e;
        if (command.Cluster < 0)
        {
            var rows = new double[n * r];
            for (int a = 0; a < r; a++)
            {
                double[] c = _xt[kept[a]];
                for (int i = 0; i < n; i++)
                {
                    rows[i * r + a] = c[i] * multiplier[i];
                }
            }

            return new SweepReply { Rows = n, Scalars = AbsorbedCovariance.WhitenedMeat(factor, r, rows, n) };
        }

        long[] first = _clusters[command.Cluster == 2 ? 0 : command.Cluster];
        long[]? second = command.Cluster == 2 ? _clusters[1] : null;
        var groups = new Dictionary<(long, long), int>();
        var group = new int[n];
        for (int i = 0; i < n; i++)
        {
            (long, long) key = (first[i], second?[i] ?? 0);
            if (!groups.TryGetValue(key, out int g))
            {
                g = groups.Count;
                groups[key] = g;
            }

            group[i] = g;
        }

        var sums = new double[groups.Count * r];
        for (int a = 0; a < r; a++)
        {
            double[] c = _xt[kept[a]];
            for (int i = 0; i < n; i++)
            {
                sums[group[i] * r + a] += c[i] * multiplier[i];
            }
        }

        var keys = new long[groups.Count * 2];
        foreach (((long one, long two), int g) in groups)
        {
            (keys[2 * g], keys[2 * g + 1]) = (one, two);
        }

        return new SweepReply { Rows = n, Keys = keys, Sums = sums };
    }

    private double[] ScoreOfMu()
    {
        double[] mu = _mu!;
        var s = new double[_y.Length];
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = _y[i] - mu[i];
        }

        return s;
    }

    private SweepReply Nesting()
    {
        int dims = _clusters.Length;
        var owners = new long[_ids.Length * dims][];
        for (int q = 0; q < _ids.Length; q++)
        {
            for (int c = 0; c < dims; c++)
            {
                var owner = new long[_raw[q].Length];
                Array.Fill(owner, -1);
                int[] id = _ids[q];
                long[] cluster = _clusters[c];
                for (int i = 0; i < _y.Length; i++)
                {
                    long o = owner[id[i]];
                    owner[id[i]] = o == -1 ? cluster[i] : o == cluster[i] ? o : -2;
                }

                owners[q * dims + c] = owner;
            }
        }

        return new SweepReply { Rows = _y.Length, Owners = owners };
    }

    private SweepReply Summary() => new() { Rows = _y.Length, Scalars = [.. PoissonSums.Of(_y, _mu!, 0, _y.Length), _y.Length] };

    /// <summary>The block's share of the Poisson deviance at μ.</summary>
    private double Deviance(double[] mu)
    {
        double d = 0.0;
        for (int i = 0; i < _y.Length; i++)
        {
            d += (_y[i] > 0.0 ? _y[i] * Math.Log(_y[i] / mu[i]) : 0.0) - (_y[i] - mu[i]);
        }

        return 2.0 * d;
    }
}
