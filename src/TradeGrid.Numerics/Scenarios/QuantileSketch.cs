namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// A deterministic quantile sketch with a proven rank-error bound, for Monte Carlo runs beyond
/// <see cref="PathSummaries.ExactPaths"/> paths: the compactor hierarchy of Manku, Rajagopalan and Lindsay (1998, "MRL"),
/// as used by KLL (Karnin, Lang and Liberty 2016) but with every level of the same capacity k and a deterministic
/// compaction (no coin: each level alternates keeping the even and the odd items of its sorted buffer).
/// Level 0 takes the values as they come (weight 1); a full level h (k values of weight 2^h, sorted) keeps every other
/// value as k/2 values of weight 2^(h+1) in level h + 1. One compaction moves any value's estimated rank by at most
/// 2^h, and level h compacts at most n / (k·2^h) times, so after n values the estimated rank of any x is within
/// E = Σ_h compactions_h · 2^h ≤ H·n/k of its true rank, H = ⌊log2(n/k)⌋ + 1 the levels that compacted
/// (<see cref="RankErrorBound"/> is that sum, counted as it happens). A quantile read from the sketch is therefore an
/// order statistic of the values whose rank is within E of the one asked. The sketch retains at most (H + 1)·k values.
/// The sketch is a function of the sequence of values added only (NaN values are left out): callers add paths in
/// path order, so the bytes do not depend on chunking, scheduling or silos. Mean and SD come from sums of the values
/// shifted by the first one (Σ(x − x₁), Σ(x − x₁)²: no cancellation when x₁ is a typical value, and no division per value).
/// Level 0 is sorted by <see cref="DoubleRadixSort"/>, the levels above by merging sorted runs.
/// </summary>
public sealed class QuantileSketch
{
    private readonly int _k;
    private readonly List<double[]> _levels = [];
    private readonly List<int> _lengths = [];
    private readonly List<bool> _odd = [];
    // The radix sort's scratch, one per thread for every sketch: a sketch's own memory stays its levels.
    [ThreadStatic]
    private static ulong[]? _threadKeys;
    [ThreadStatic]
    private static ulong[]? _threadRadix;

    private readonly double[] _level0;
    private double[] _merge;
    private int _length0;
    private long _count;
    private double _shift;
    private double _sum;
    private double _sumSquares;
    private long _rankError;

    /// <summary>A sketch whose levels hold k values each (k even, at least 2).</summary>
    public QuantileSketch(int k)
    {
        if (k < 2 || k % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "The capacity of a level must be even and at least 2.");
        }

        _k = k;
        _merge = new double[k];
        AddLevel();
        _level0 = _levels[0]; // level 0 is never replaced (Compact swaps the buffers of the levels above)
    }

    /// <summary>The values added (NaN left out).</summary>
    public long Count => _count;

    /// <summary>The values the sketch holds now, over all its levels.</summary>
    public int Retained => _length0 + _lengths.Skip(1).Sum();

    /// <summary>The capacity allocated: k per level, plus the merge buffer.</summary>
    public int Capacity => (_levels.Count + 1) * _k;

    /// <summary>E: no estimated rank is further than this from the true rank (the compacted weight so far).</summary>
    public long RankErrorBound => _rankError;

    /// <summary>The worst case of <see cref="RankErrorBound"/> after n values with levels of k: H·n/k, H = ⌊log2(n/k)⌋ + 1 (0 when n &lt; k).</summary>
    public static double RankErrorLimit(long n, int k) => n < k ? 0.0 : (Math.Floor(Math.Log2((double)n / k)) + 1.0) * n / k;

    public double Mean => _count > 0 ? _shift + _sum / _count : double.NaN;

    /// <summary>Sample SD (n − 1).</summary>
    public double Sd => _count > 1 ? Math.Sqrt(Math.Max(0.0, _sumSquares - _sum * _sum / _count) / (_count - 1)) : double.NaN;

    public void Add(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        if (_count++ == 0)
        {
            _shift = value;
        }

        double x = value - _shift;
        _sum += x;
        _sumSquares += x * x;
        _level0[_length0++] = value;
        if (_length0 == _k)
        {
            ulong[] keys = _threadKeys is { } kk && kk.Length >= _k ? kk : (_threadKeys = new ulong[_k]);
            ulong[] radix = _threadRadix is { } rr && rr.Length >= _k ? rr : (_threadRadix = new ulong[_k]);
            DoubleRadixSort.Sort(_level0, _k, keys, radix);
            Compact(0);
        }
    }

    /// <summary>Type-7 quantiles as <see cref="ExactQuantiles.Type7InPlace"/> computes them, with each order statistic read from the sketch.</summary>
    public double[] Quantiles(ReadOnlySpan<double> probabilities)
    {
        var result = new double[probabilities.Length];
        if (_count == 0)
        {
            Array.Fill(result, double.NaN);
            return result;
        }

        (double[] values, long[] cumulative) = Weighted();
        for (int q = 0; q < probabilities.Length; q++)
        {
            double h = (_count - 1) * probabilities[q];
            long lo = (long)Math.Floor(h);
            double a = OrderStatistic(values, cumulative, lo);
            double b = lo + 1 < _count ? OrderStatistic(values, cumulative, lo + 1) : a;
            result[q] = a + (h - lo) * (b - a);
        }

        return result;
    }

    public PathDistribution Distribution(ReadOnlySpan<double> probabilities) => new(Mean, Sd, Quantiles(probabilities));

    /// <summary>The sketch's state, for a checkpoint (levels trimmed to what they hold).</summary>
    public QuantileSketchState Save() => new(_k, _count, _shift, _sum, _sumSquares, _rankError,
        _levels.Select((l, h) => l[..(h == 0 ? _length0 : _lengths[h])]).ToArray(), _odd.ToArray());

    public static QuantileSketch Restore(QuantileSketchState state)
    {
        var sketch = new QuantileSketch(state.K)
        {
            _count = state.Count, _shift = state.Shift, _sum = state.Sum, _sumSquares = state.SumSquares, _rankError = state.RankError,
            _length0 = state.Levels[0].Length,
        };
        for (int h = 0; h < state.Levels.Length; h++)
        {
            if (h > 0)
            {
                sketch.AddLevel();
            }

            state.Levels[h].CopyTo(sketch._levels[h], 0);
            sketch._lengths[h] = state.Levels[h].Length;
            sketch._odd[h] = state.Odd[h];
        }

        return sketch;
    }

    /// <summary>Level h (full, sorted) keeps every other value, from its first or its second in turn, as a sorted run of k/2 merged into level h + 1.</summary>
    private void Compact(int h)
    {
        if (h + 1 == _levels.Count)
        {
            AddLevel();
        }

        double[] full = _levels[h];
        int offset = _odd[h] ? 1 : 0;
        _odd[h] = !_odd[h];
        _rankError += 1L << h;
        int half = _k / 2;
        double[] up = _levels[h + 1];
        int have = _lengths[h + 1];

        // Merge the run (full[offset], full[offset + 2], …) with the half level above, both sorted, through _merge.
        int i = 0;
        int j = 0;
        int o = 0;
        while (i < half && j < have)
        {
            double x = full[offset + 2 * i];
            _merge[o++] = x <= up[j] ? full[offset + 2 * i++] : up[j++];
        }

        while (i < half)
        {
            _merge[o++] = full[offset + 2 * i++];
        }

        while (j < have)
        {
            _merge[o++] = up[j++];
        }

        (_levels[h + 1], _merge) = (_merge, up);
        _lengths[h + 1] = o;
        if (h == 0)
        {
            _length0 = 0;
        }
        else
        {
            _lengths[h] = 0;
        }
        if (o == _k)
        {
            Compact(h + 1);
        }
    }

    private void AddLevel()
    {
        _levels.Add(new double[_k]);
        _lengths.Add(0);
        _odd.Add(false);
    }

    /// <summary>Every retained value sorted, with the cumulative weight up to and including it.</summary>
    private (double[] Values, long[] Cumulative) Weighted()
    {
        int m = Retained;
        var values = new double[m];
        var weights = new long[m];
        int at = 0;
        for (int h = 0; h < _levels.Count; h++)
        {
            int length = h == 0 ? _length0 : _lengths[h];
            Array.Copy(_levels[h], 0, values, at, length);
            Array.Fill(weights, 1L << h, at, length);
            at += length;
        }

        Array.Sort(values, weights);
        for (int i = 1; i < m; i++)
        {
            weights[i] += weights[i - 1];
        }

        return (values, weights);
    }

    /// <summary>The value of 0-based rank r: the first whose cumulative weight exceeds r.</summary>
    private static double OrderStatistic(double[] values, long[] cumulative, long r)
    {
        int at = Array.BinarySearch(cumulative, r + 1);
        at = at >= 0 ? at : ~at;
        // Equal cumulative weights cannot occur (every weight is ≥ 1); at is the first with cumulative ≥ r + 1.
        return values[Math.Min(at, values.Length - 1)];
    }
}
