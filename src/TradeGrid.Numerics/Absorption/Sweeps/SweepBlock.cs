namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>
/// One economy's rows of a fit whose effects are absorbed where the rows are (<see cref="SweepFit"/>): y, the
/// regressors, each row's group in every set of effects (numbered 0…g−1 within the block; a set spanning economies
/// keeps each group's global id to add the block's sums to the other economies'), and the clustering ids. One set
/// local to the economy (every group within it: reporter, reporter^year, pair) may be eliminated here by the within
/// transformation M (each row less its group's weighted mean); the coordinator's conjugate gradient solves for the
/// others, every product D'WMD p summed over the blocks. The block holds data and answers
/// <see cref="SweepCommand"/>s; the algorithm is <see cref="SweepFit"/>'s.
/// </summary>
public sealed partial class SweepBlock
{
    private readonly int _eliminated;
    private readonly int[] _solved;
    private readonly Func<int, string> _where;
    private double[] _y;
    private double[][] _x;
    private int[][] _ids;
    private long[][] _raw;
    private long[][] _clusters;
    private int[] _rows;
    private bool[] _keep;

    /// <summary>
    /// <paramref name="setIds"/>: each set's group per row (global ids for sets spanning economies, any ids for local
    /// ones); <paramref name="eliminated"/>: the local set taken out here (−1: none); <paramref name="where"/> names a row
    /// (for the examples of dropped rows).
    /// </summary>
    public SweepBlock(double[] y, double[][] columns, long[][] setIds, int eliminated, long[][] clusterIds, Func<int, string> where)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(setIds);
        ArgumentNullException.ThrowIfNull(clusterIds);
        if (eliminated >= setIds.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(eliminated), $"Set {eliminated} eliminated of {setIds.Length}.");
        }

        _y = y;
        _x = columns;
        _eliminated = eliminated;
        _solved = Enumerable.Range(0, setIds.Length).Where(q => q != eliminated).ToArray();
        _clusters = clusterIds;
        _where = where;
        _rows = Enumerable.Range(0, y.Length).ToArray();
        _keep = Enumerable.Repeat(true, y.Length).ToArray();
        _raw = new long[setIds.Length][];
        _ids = setIds.Select((ids, q) => Number(ids, out _raw[q])).ToArray();
    }

    /// <summary>Rows kept.</summary>
    public int Rows => _y.Length;

    /// <summary>Answers one command.</summary>
    public SweepReply Execute(SweepCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Op switch
        {
            SweepOp.Filter => Filter(command),
            SweepOp.Compact => Compact(),
            SweepOp.Layout => Layout(command),
            SweepOp.Start => Start(command),
            SweepOp.Product => Product(command),
            SweepOp.Finish => Finish(command),
            SweepOp.Residuals => Residuals(command),
            SweepOp.Halve => Halve(),
            SweepOp.Accept => Accept(command),
            SweepOp.Rectify => Rectify(),
            SweepOp.DropSeparated => DropSeparated(),
            SweepOp.Scores => Scores(command),
            SweepOp.Nesting => Nesting(),
            SweepOp.Summary => Summary(),
            _ => throw new ArgumentOutOfRangeException(nameof(command), $"Unknown operation {command.Op}."),
        };
    }

    /// <summary>Drops singletons and rows of all-zero groups given every economy's counts (none in the first round), then counts again.</summary>
    private SweepReply Filter(SweepCommand command)
    {
        int singletons = 0, zeros = 0;
        string example = string.Empty, exampleZero = string.Empty;
        if (command.Counts is { } counts && command.Positives is { } positives)
        {
            for (int i = 0; i < _y.Length; i++)
            {
                if (!_keep[i])
                {
                    continue;
                }

                for (int q = 0; q < _ids.Length; q++)
                {
                    int g = _ids[q][i];
                    if (command.AllZero && positives[q][g] == 0.0)
                    {
                        _keep[i] = false;
                        exampleZero = zeros++ == 0 ? _where(_rows[i]) : exampleZero;
                        break;
                    }

                    if (command.Singletons && counts[q][g] == 1.0)
                    {
                        _keep[i] = false;
                        example = singletons++ == 0 ? _where(_rows[i]) : example;
                        break;
                    }
                }
            }
        }

        (double[][] count, double[][] positive) = Tally();
        return new SweepReply
        {
            Rows = _keep.Count(k => k), Counts = count, Positives = positive,
            Dropped = singletons, DroppedZero = zeros, Example = example, ExampleZero = exampleZero,
        };
    }

    /// <summary>Keeps the rows left, numbers the groups again and answers them with their rows (and Σy, n and the rows with y &gt; 0, for PPML).</summary>
    private SweepReply Compact()
    {
        if (_keep.Any(k => !k))
        {
            int[] used = Enumerable.Range(0, _y.Length).Where(i => _keep[i]).ToArray();
            _y = Array.ConvertAll(used, i => _y[i]);
            _x = _x.Select(c => Array.ConvertAll(used, i => c[i])).ToArray();
            _rows = Array.ConvertAll(used, i => _rows[i]);
            _clusters = _clusters.Select(c => Array.ConvertAll(used, i => c[i])).ToArray();
            for (int q = 0; q < _ids.Length; q++)
            {
                long[] raw = _raw[q];
                int[] ids = _ids[q];
                _ids[q] = Number(Array.ConvertAll(used, i => raw[ids[i]]), out _raw[q]);
            }

            _keep = Enumerable.Repeat(true, _y.Length).ToArray();
            _mu = _mu is null ? null : Array.ConvertAll(used, i => _mu[i]);
            _eta = _eta is null ? null : Array.ConvertAll(used, i => _eta[i]);
            _fit = _fit is null ? null : Array.ConvertAll(used, i => _fit[i]);
        }

        (double[][] count, double[][] positive) = Tally();
        double sum = 0.0, positives = 0.0;
        foreach (double v in _y)
        {
            sum += v;
            positives += v > 0.0 ? 1.0 : 0.0;
        }

        return new SweepReply { Rows = _y.Length, Groups = _raw, Counts = count, Positives = positive, Scalars = [sum, _y.Length, positives] };
    }

    /// <summary>Each set's kept rows per group, and those with y &gt; 0.</summary>
    private (double[][] Counts, double[][] Positives) Tally()
    {
        var counts = new double[_ids.Length][];
        var positives = new double[_ids.Length][];
        for (int q = 0; q < _ids.Length; q++)
        {
            counts[q] = new double[_raw[q].Length];
            positives[q] = new double[_raw[q].Length];
            int[] id = _ids[q];
            for (int i = 0; i < _y.Length; i++)
            {
                if (_keep[i])
                {
                    counts[q][id[i]] += 1.0;
                    positives[q][id[i]] += _y[i] > 0.0 ? 1.0 : 0.0;
                }
            }
        }

        return (counts, positives);
    }

    /// <summary>Ids numbered 0…g−1 in order of first appearance, and each number's id.</summary>
    private static int[] Number(long[] ids, out long[] raw)
    {
        var numbers = new Dictionary<long, int>();
        var dense = new int[ids.Length];
        var order = new List<long>();
        for (int i = 0; i < ids.Length; i++)
        {
            if (!numbers.TryGetValue(ids[i], out int g))
            {
                g = numbers.Count;
                numbers[ids[i]] = g;
                order.Add(ids[i]);
            }

            dense[i] = g;
        }

        raw = order.ToArray();
        return dense;
    }
}
