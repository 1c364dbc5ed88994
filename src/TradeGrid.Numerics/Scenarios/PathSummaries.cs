namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// The distributions of one economy's (or one aggregate's) paths, fed block by block in path order: baseline,
/// scenario and difference per year. Up to <see cref="ExactPaths"/> paths (the exact limit of the run) every path is
/// kept and <see cref="Finish"/> gives <see cref="ScenarioSummary.Of"/>'s exact type-7 quantiles, bit for bit; beyond it
/// nothing per path is kept: each of the 3 × years columns goes into a <see cref="QuantileSketch"/> of levels of
/// k = limit / 16 values (4,096 by default), so memory no longer grows with the paths but for the sketch's ⌊log2(n/k)⌋ + 2
/// levels (k values each). A year whose scenario values have so far been the baseline's, bit for bit (no shock reaches
/// it), keeps one sketch, and counts the zeros of its difference: at the first path that differs the scenario's sketch
/// starts as a copy of the baseline's and the difference's as that many zeros, which is what feeding them all along
/// would have given. Either way the result depends on the paths' values in path order only, never on the blocks they
/// came in.
/// </summary>
public sealed class PathSummaries
{
    /// <summary>Paths up to which quantiles are exact (and the size of the aggregates' path blocks beyond it).</summary>
    public const int ExactPaths = 1 << 16;

    private readonly int _horizon;
    private readonly int _paths;
    private readonly QuantileSketch?[]? _sketches;
    private readonly bool[] _aliased = [];
    private readonly long[] _zeros = [];
    private readonly int _k;
    private PathColumns? _exact;

    /// <summary>Summaries of <paramref name="paths"/> paths of <paramref name="horizon"/> years; exact when paths ≤ exactPaths.</summary>
    public PathSummaries(int horizon, int paths, int exactPaths = ExactPaths)
    {
        (_horizon, _paths) = (horizon, paths);
        if (paths <= exactPaths)
        {
            return; // exact: the buffers are made (or adopted) on the first block
        }

        _k = SketchLevel(exactPaths);
        _sketches = new QuantileSketch?[3 * horizon];
        for (int h = 0; h < horizon; h++)
        {
            _sketches[h] = new QuantileSketch(_k);
        }

        _aliased = Enumerable.Repeat(true, horizon).ToArray();
        _zeros = new long[horizon];
    }

    /// <summary>The level capacity k of the sketches for an exact limit: limit / 16, even, at least 8.</summary>
    public static int SketchLevel(int exactPaths) => Math.Max(8, exactPaths / 16 / 2 * 2);

    public bool Exact => _sketches is null;

    /// <summary>Paths added so far (the next block must start here).</summary>
    public long Filled { get; private set; }

    /// <summary>Numbers kept now: the exact paths (baseline and scenario), or the sketches' retained values.</summary>
    public long Retained => _sketches?.Sum(s => (long)(s?.Retained ?? 0)) ?? (Filled * _horizon * 2);

    /// <summary>Numbers allocated: the exact buffers, or the sketches' level buffers.</summary>
    public long Capacity => _sketches?.Sum(s => (long)(s?.Capacity ?? 0)) ?? (_exact is null ? 0L : _exact.Paths * _horizon * 2L);

    /// <summary>The largest rank error E of any column's sketch (0 when exact).</summary>
    public long RankErrorBound => _sketches?.Max(s => s?.RankErrorBound ?? 0L) ?? 0L;

    /// <summary>
    /// The next <paramref name="count"/> paths, the first <paramref name="count"/> of each column. When exact and the
    /// block is all the paths, its columns are kept as they are (the caller does not change them afterwards);
    /// otherwise they are copied or sketched.
    /// </summary>
    public void Add(PathColumns block, int count)
    {
        if (Filled + count > _paths || block.Years != _horizon || block.Paths < count)
        {
            throw new ArgumentException($"A block of {count} paths after {Filled} of {_paths} ({block.Paths} paths of {block.Years} years for {_horizon} years).");
        }

        if (_sketches is null)
        {
            AddExact(block, count);
        }
        else
        {
            for (int h = 0; h < _horizon; h++)
            {
                AddColumn(block, count, h);
            }
        }

        Filled += count;
    }

    /// <summary>Mean, SD and the quantiles of every year, for baseline, scenario and difference (all the paths must be in).</summary>
    public (PathDistribution[] Baseline, PathDistribution[] Scenario, PathDistribution[] Difference) Finish(ReadOnlySpan<double> probabilities)
    {
        if (Filled != _paths)
        {
            throw new InvalidOperationException($"{Filled} of {_paths} paths added.");
        }

        if (_sketches is null)
        {
            return ScenarioSummary.Of(_exact ?? PathColumns.Zeros(_horizon, 0), probabilities);
        }

        var b = new PathDistribution[_horizon];
        var s = new PathDistribution[_horizon];
        var d = new PathDistribution[_horizon];
        for (int h = 0; h < _horizon; h++)
        {
            b[h] = Sketch(h).Distribution(probabilities);
            if (_aliased[h])
            {
                long n = _zeros[h];
                s[h] = b[h] with { Quantiles = (double[])b[h].Quantiles.Clone() };
                d[h] = new PathDistribution(n > 0 ? 0.0 : double.NaN, n > 1 ? 0.0 : double.NaN,
                    n > 0 ? new double[probabilities.Length] : Enumerable.Repeat(double.NaN, probabilities.Length).ToArray());
            }
            else
            {
                s[h] = Sketch(_horizon + h).Distribution(probabilities);
                d[h] = Sketch(2 * _horizon + h).Distribution(probabilities);
            }
        }

        return (b, s, d);
    }

    /// <summary>The sketches' states, baseline years then scenario then difference (null when exact: the caller keeps the paths).</summary>
    public QuantileSketchState[]? SaveSketches()
    {
        if (_sketches is null)
        {
            return null;
        }

        for (int h = 0; h < _horizon; h++)
        {
            Unalias(h); // a checkpoint keeps every sketch: the same numbers follow
        }

        return _sketches.Select(s => s!.Save()).ToArray();
    }

    /// <summary>Sets the sketches and the paths filled to a checkpoint's (a summary beyond the exact limit, of the same run).</summary>
    public void RestoreSketches(QuantileSketchState[] states, long filled)
    {
        if (_sketches is null || states.Length != _sketches.Length)
        {
            throw new ArgumentException($"{states.Length} sketch states for a summary of {_sketches?.Length ?? 0} sketches.");
        }

        for (int i = 0; i < states.Length; i++)
        {
            _sketches[i] = QuantileSketch.Restore(states[i]);
        }

        Array.Fill(_aliased, false);

        Filled = filled;
    }

    private void AddColumn(PathColumns block, int count, int h)
    {
        QuantileSketch b = Sketch(h);
        double[] baseline = block.Baseline[h];
        double[] scenario = block.Scenario[h];
        int p = 0;
        if (_aliased[h])
        {
            bool same = block.Aliased(h);
            for (; p < count; p++)
            {
                double x = baseline[p];
                if (!same && BitConverter.DoubleToInt64Bits(x) != BitConverter.DoubleToInt64Bits(scenario[p]))
                {
                    Unalias(h);
                    break;
                }

                b.Add(x);
                _zeros[h] += double.IsFinite(x) ? 1 : 0; // y − x = +0, or NaN (left out)
            }
        }

        if (p == count)
        {
            return;
        }

        QuantileSketch s = Sketch(_horizon + h);
        QuantileSketch d = Sketch(2 * _horizon + h);
        for (; p < count; p++)
        {
            double x = baseline[p];
            double y = scenario[p];
            b.Add(x);
            s.Add(y);
            d.Add(y - x);
        }
    }

    /// <summary>Year h's scenario and difference get sketches of their own: the baseline's so far, and its zeros.</summary>
    private void Unalias(int h)
    {
        if (!_aliased[h])
        {
            return;
        }

        _sketches![_horizon + h] = QuantileSketch.Restore(Sketch(h).Save());
        var d = new QuantileSketch(_k);
        for (long i = 0; i < _zeros[h]; i++)
        {
            d.Add(0.0);
        }

        _sketches[2 * _horizon + h] = d;
        _aliased[h] = false;
    }

    private QuantileSketch Sketch(int i) => _sketches![i] ?? throw new InvalidOperationException($"Sketch {i} not made.");

    private void AddExact(PathColumns block, int count)
    {
        if (Filled == 0 && count == _paths && block.Paths == count)
        {
            _exact = block;
            return;
        }

        _exact ??= PathColumns.Zeros(_horizon, _paths);
        int at = (int)Filled;
        for (int h = 0; h < _horizon; h++)
        {
            Array.Copy(block.Baseline[h], 0, _exact.Baseline[h], at, count);
            Array.Copy(block.Scenario[h], 0, _exact.Scenario[h], at, count);
        }
    }
}
