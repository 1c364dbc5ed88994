using System.Globalization;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// One aggregate's running sums: the deterministic baseline and scenario per year, the members' history per year, and
/// with paths the per-path sums of one block of paths (years × block, twice: <see cref="PathColumns"/>) and the distributions of the blocks
/// before it (<see cref="PathSummaries"/>). Up to the exact limit the block is all the paths and the quantiles are
/// exact; beyond it, each finished block is folded into the sketches in path order (<see cref="EndBlock"/>) and its
/// sums cleared, so memory stays that of one block and the sketches whatever the paths. Economies are added in code
/// order, chunk by chunk, each only in the years its membership holds, so the sums are bit-identical whatever the
/// scheduling. For a bilateral model the units are (reporter, partner) pairs, added in the plan's order; a pair is a
/// member by its partner (<see cref="AggregateGroup.ByPartner"/>: a group of partners) or by its reporter (a
/// reporter's total, WLD).
/// </summary>
internal sealed class AggregateSums(AggregateGroup group, int firstYear, int horizon, int paths, int exactPaths = PathSummaries.ExactPaths)
{
    private readonly int _blockPaths = Math.Min(paths, exactPaths);
    private PathSummaries? _summaries = paths > 0 ? new PathSummaries(horizon, paths, exactPaths) : null;
    private long _blockStart;
    private readonly Dictionary<string, YearSpan[]> _members = group.Members.GroupBy(m => m.Economy).ToDictionary(g => g.Key, g => g.ToArray());
    private readonly double[] _baseline = new double[horizon];
    private readonly double[] _scenario = new double[horizon];
    private PathColumns _paths = PathColumns.Zeros(horizon, Math.Min(paths, exactPaths));
    private readonly SortedDictionary<int, (double Sum, int Count, int Modelled)> _history = new();
    private readonly HashSet<string> _added = new(StringComparer.Ordinal);

    public AggregateGroup Group => group;

    /// <summary>Whether a unit (an economy, or "reporter>partner") counts in the year: its member's membership holds then.</summary>
    public bool Counts(string unit, int year) => _members.TryGetValue(Member(unit), out YearSpan[]? spans) && spans.Any(s => s.Holds(year));

    public bool Has(string unit) => _members.ContainsKey(Member(unit));

    /// <summary>A projection's unit: the economy, or "reporter>partner" for a pair.</summary>
    public static string UnitOf(string economy, string partner) => partner.Length == 0 ? economy : economy + ">" + partner;

    private string Member(string unit)
    {
        int arrow = unit.IndexOf('>', StringComparison.Ordinal);
        return arrow < 0 ? unit : group.ByPartner ? unit[(arrow + 1)..] : unit[..arrow];
    }

    public void AddProjection(ScenarioSeriesRecord e)
    {
        string unit = UnitOf(e.Economy, e.Partner);
        if (!Has(unit))
        {
            return;
        }

        _added.Add(unit);
        for (int h = 0; h < horizon; h++)
        {
            if (Counts(unit, firstYear + h))
            {
                _baseline[h] += e.Baseline[h];
                _scenario[h] += e.Scenario[h];
            }
        }

        AddHistory(unit, e.HistoryYears, e.HistoryValues, modelled: 0);
        AddHistory(unit, e.ModelHistoryYears, e.ModelHistoryValues, modelled: 1);
    }

    private void AddHistory(string economy, int[] years, double[] values, int modelled)
    {
        for (int i = 0; i < years.Length; i++)
        {
            if (Counts(economy, years[i]))
            {
                (double sum, int count, int m) = _history.GetValueOrDefault(years[i]);
                _history[years[i]] = (sum + values[i], count + 1, m + modelled);
            }
        }
    }

    public void AddPaths(ScenarioPathBlock block)
    {
        string unit = UnitOf(block.Economy, block.Partner);
        if (!Has(unit))
        {
            return;
        }

        if (block.PathStart < _blockStart || block.PathStart + block.Count > _blockStart + _blockPaths)
        {
            throw new InvalidOperationException($"Paths {block.PathStart}+{block.Count} outside the block from {_blockStart}.");
        }

        int offset = (int)(block.PathStart - _blockStart);
        for (int h = 0; h < horizon; h++)
        {
            if (Counts(unit, firstYear + h))
            {
                ScenarioSummary.AddInto(_paths.Baseline[h].AsSpan(offset, block.Count), block.Baseline[h].AsSpan(0, block.Count));
                ScenarioSummary.AddInto(_paths.Scenario[h].AsSpan(offset, block.Count), block.Scenario[h].AsSpan(0, block.Count));
            }
        }
    }

    /// <summary>Paths folded into the distributions so far: the next block starts here.</summary>
    public long BlockStart => _blockStart;

    /// <summary>Numbers allocated for the paths: the block's sums and the distributions' (exact paths or sketches).</summary>
    public long PathCapacity => 2L * _paths.Paths * _paths.Years + (_summaries?.Capacity ?? 0);

    /// <summary>
    /// The block's paths are all in: they go to the distributions in path order. Exact (one block): the sums are handed
    /// over as they are; else sketched and the sums cleared for the next block.
    /// </summary>
    public void EndBlock()
    {
        PathSummaries summaries = _summaries ?? throw new InvalidOperationException("No paths.");
        int count = (int)Math.Min(_blockPaths, paths - _blockStart);
        summaries.Add(_paths, count);
        _blockStart += count;
        if (summaries.Exact)
        {
            _paths = PathColumns.Zeros(0, 0);
            return;
        }

        foreach (double[] column in _paths.Baseline.Concat(_paths.Scenario))
        {
            Array.Clear(column);
        }
    }

    /// <summary>The running sums, copied (the job goes on adding to these).</summary>
    public AggregateSumsState Save() => new()
    {
        Baseline = (double[])_baseline.Clone(),
        Scenario = (double[])_scenario.Clone(),
        PathBaseline = _paths.Baseline.Select(c => (double[])c.Clone()).ToArray(),
        PathScenario = _paths.Scenario.Select(c => (double[])c.Clone()).ToArray(),
        BlockStart = _blockStart,
        Sketches = _summaries?.SaveSketches(),
        HistoryYears = _history.Keys.ToArray(),
        HistorySums = _history.Values.Select(v => v.Sum).ToArray(),
        HistoryCounts = _history.Values.Select(v => v.Count).ToArray(),
        HistoryModelled = _history.Values.Select(v => v.Modelled).ToArray(),
        Added = _added.Order(StringComparer.Ordinal).ToArray(),
    };

    /// <summary>Sets the running sums to a checkpoint's (of the same plan).</summary>
    public void Restore(AggregateSumsState saved)
    {
        saved.Baseline.CopyTo(_baseline, 0);
        saved.Scenario.CopyTo(_scenario, 0);
        for (int h = 0; h < _paths.Years; h++)
        {
            saved.PathBaseline[h].CopyTo(_paths.Baseline[h], 0);
            saved.PathScenario[h].CopyTo(_paths.Scenario[h], 0);
        }
        _blockStart = saved.BlockStart;
        if (saved.Sketches is { } sketches)
        {
            _summaries?.RestoreSketches(sketches, saved.BlockStart);
        }
        _history.Clear();
        for (int i = 0; i < saved.HistoryYears.Length; i++)
        {
            _history[saved.HistoryYears[i]] = (saved.HistorySums[i], saved.HistoryCounts[i], saved.HistoryModelled[i]);
        }

        _added.Clear();
        _added.UnionWith(saved.Added);
    }

    /// <summary>
    /// The aggregate's series. History: the years in which every projected member counted then has a value, its observed
    /// one or, where it reports none, the model's value on its observed drivers (Box 2's extrapolation to the economies
    /// without data), so that the history and the projection sum the same economies.
    /// </summary>
    public ScenarioSeriesRecord Finish(double[] quantiles)
    {
        int[] years = Enumerable.Range(firstYear, horizon).ToArray();
        int[] historyYears = _history.Where(kv => kv.Key < firstYear && kv.Value.Count == _added.Count(e => Counts(e, kv.Key))).Select(kv => kv.Key).ToArray();
        var record = new ScenarioSeriesRecord
        {
            Economy = group.Code,
            Aggregate = true,
            Members = _added.Count,
            HistoryYears = historyYears,
            HistoryValues = historyYears.Select(y => _history[y].Sum).ToArray(),
            HistoryNote = HistoryNote(historyYears),
            Years = years,
            Baseline = _baseline,
            Scenario = _scenario,
        };
        if (paths == 0)
        {
            return record;
        }

        PathSummaries summaries = _summaries ?? throw new InvalidOperationException("No paths.");
        if (summaries.Filled < paths)
        {
            EndBlock(); // the one block of an exact run
        }

        var (b, s, d) = summaries.Finish(quantiles);
        _summaries = null;
        return record with
        {
            BaselinePaths = b.Select(YearDistribution.From).ToArray(),
            ScenarioPaths = s.Select(YearDistribution.From).ToArray(),
            DifferencePaths = d.Select(YearDistribution.From).ToArray(),
        };
    }

    private string HistoryNote(int[] years)
    {
        if (years.Length == 0)
        {
            return "no history: in no past year does every member have the dependent or all of the model's drivers";
        }

        long memberYears = years.Sum(y => (long)_history[y].Count);
        long modelled = years.Sum(y => (long)_history[y].Modelled);
        string span = $"{years[0].ToString(CultureInfo.InvariantCulture)}–{years[^1].ToString(CultureInfo.InvariantCulture)}";
        return modelled == 0
            ? $"observed values of every member, {span}"
            : $"{span}: observed values where a member reports them ({(memberYears - modelled).ToString(CultureInfo.InvariantCulture)} of " +
              $"{memberYears.ToString(CultureInfo.InvariantCulture)} member-years), else the model's value on the member's observed drivers";
    }
}
