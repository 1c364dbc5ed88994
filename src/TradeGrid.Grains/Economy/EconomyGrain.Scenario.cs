using Orleans.Concurrency;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Estimation;
using TradeGrid.Grains.Forecasting;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Economy;

/// <summary>
/// Scenarios: the economy forecasts its own drivers (through the forecasting part's cache), projects its own baseline
/// and scenario, and simulates its own paths chunk by chunk into its own distributions (<see cref="PathSummaries"/>:
/// every path up to the job's exact limit, quantile sketches beyond it), given with its last chunk. Inputs come from
/// <see cref="ScenarioInputBuilder"/>; the mathematics from the numerics' <see cref="ScenarioPropagation"/>,
/// <see cref="PathSimulator"/> and <see cref="PathSummaries"/>. For a bilateral model a
/// reporter's grain projects each of its pairs (work kept per pair), and a partner's grain makes its partner-side
/// drivers' paths (<see cref="DriverPaths"/>), which the coordinator carries to the reporters.
/// </summary>
public sealed partial class EconomyGrain : IEconomyScenarioGrain
{
    /// <summary>
    /// Works (a job, or a job's pair) whose inputs and paths this grain keeps at once; beyond it they are dropped (and
    /// rebuilt if asked again). A reporter of a bilateral model holds a wave's pairs of one job (16), so room for two.
    /// </summary>
    private const int ScenarioJobCapacity = 2 * ScenarioCoordinator.Wave;

    private readonly Dictionary<string, ScenarioWork> _scenarioWork = new(StringComparer.Ordinal);

    public ValueTask<int> LastDataYear(string[] indicators, CancellationToken cancellationToken)
    {
        RequireRegistered();
        int last = 0;
        foreach (string indicator in indicators)
        {
            if (State.Series.TryGetValue(SeriesRecord.Key(indicator, string.Empty), out SeriesRecord? s))
            {
                last = Math.Max(last, ForecastInput.LastObservedYear(s));
            }
        }

        return ValueTask.FromResult(last);
    }

    public ValueTask<string[]> DependentPartners(string indicator, CancellationToken cancellationToken)
    {
        RequireRegistered();
        string[] parts = SeriesSums.Parts(indicator);
        string[] partners = State.Series.Values.Where(s => s.Partner.Length > 0 && s.Indicator == parts[0]).Select(s => s.Partner)
            .Where(p => parts.All(c => State.Series.ContainsKey(SeriesRecord.Key(c, p))))
            .Order(StringComparer.Ordinal).ToArray();
        return ValueTask.FromResult(partners);
    }

    public ValueTask<ScenarioDriverPaths> DriverPaths(ScenarioEconomyJob job, CancellationToken cancellationToken)
    {
        RequireRegistered();
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ScenarioInputBuilder.PartnerPaths(Code, State.Series, job, (s, spec) => Compute(s, spec, cancellationToken)));
    }

    public ValueTask<PoissonYearSums?> PoissonYearRound(BlockRequest request, double[] slopes, double[] lambda, CancellationToken cancellationToken)
    {
        // The fit's own rows, kept between the rounds as between a fit's (Design's cache).
        DesignBlock block = Design(request);
        return ValueTask.FromResult(block.Rows == 0
            ? null
            : PoissonYearSums.Of(block.X, block.Y, block.Year, slopes, request.Years, lambda, request.Spec.EntityEffects));
    }

    public ValueTask<ScenarioSeriesRecord> Project(ScenarioEconomyJob job, CancellationToken cancellationToken)
    {
        RequireRegistered();
        cancellationToken.ThrowIfCancellationRequested();
        ScenarioWork work;
        try
        {
            work = Work(job, cancellationToken);
        }
        catch (TradeGridException ex)
        {
            return ValueTask.FromResult(ScenarioSeriesRecord.SkippedFor(Code, ex.Message) with { Partner = job.Partner });
        }

        (double[] baseline, double[] scenario) = ScenarioPropagation.Project(work.Model, work.Input);
        int bad = Array.FindIndex(baseline, v => !double.IsFinite(v));
        bad = bad >= 0 ? bad : Array.FindIndex(scenario, v => !double.IsFinite(v));
        if (bad >= 0)
        {
            _scenarioWork.Remove(job.WorkKey);
            return ValueTask.FromResult(ScenarioSeriesRecord.SkippedFor(Code,
                $"no projection for {work.Input.Years[bad]}: a driver's baseline or scenario level is outside its transform's domain (log of a value ≤ 0)") with { Partner = job.Partner });
        }

        if (job.Paths == 0)
        {
            _scenarioWork.Remove(job.WorkKey); // deterministic only: nothing follows, so nothing to keep (and no Release call)
        }

        (int[] historyYears, double[] historyValues) = ScenarioInputBuilder.History(State.Series, job.Model, job.Partner);
        int[] years = work.Input.Years;
        int cut = Array.FindIndex(historyYears, y => y >= years[0]);
        // A pair's partner-side drivers live in the partner's grain: a pair has no model history, only its observed one.
        (int[] modelYears, double[][] drivers) = job.Model.Bilateral ? ([], [])
            : ScenarioInputBuilder.ObservedDrivers(State.Series, job.Model, years[0], historyYears.ToHashSet());
        double[] modelValues = ScenarioPropagation.Fitted(work.Model, drivers, ScenarioInputBuilder.HistoryEffects(job.Model, work.Input.Effect, modelYears));
        int[] finite = Enumerable.Range(0, modelYears.Length).Where(i => double.IsFinite(modelValues[i])).ToArray();
        return ValueTask.FromResult(new ScenarioSeriesRecord
        {
            Economy = Code,
            Partner = job.Partner,
            HistoryYears = cut < 0 ? historyYears : historyYears[..cut],
            HistoryValues = cut < 0 ? historyValues : historyValues[..cut],
            Years = years,
            Baseline = baseline,
            Scenario = scenario,
            DriverMethods = work.Methods,
            ModelHistoryYears = finite.Select(i => modelYears[i]).ToArray(),
            ModelHistoryValues = finite.Select(i => modelValues[i]).ToArray(),
        });
    }

    public ValueTask<Immutable<ScenarioPathBlock>> Simulate(ScenarioEconomyJob job, long pathStart, int count, bool last, bool withPaths, CancellationToken cancellationToken)
    {
        RequireRegistered();
        cancellationToken.ThrowIfCancellationRequested();
        ScenarioWork work = Work(job, cancellationToken);
        int horizon = job.Horizon;
        if (work.Summaries is null || work.Summaries.Filled > pathStart)
        {
            // A first chunk, or the job resumed from a checkpoint and asks again from an earlier path: start afresh.
            work.Summaries = new PathSummaries(horizon, job.Paths, job.ExactPaths);
        }

        PathSummaries summaries = work.Summaries;
        for (long p = summaries.Filled; p < pathStart; p += count)
        {
            // The grain lost the earlier chunks (it was reactivated): streams are counter-based, so they are made again identically.
            int lost = (int)Math.Min(count, pathStart - p);
            summaries.Add(Paths(work, job, p, lost), lost);
        }

        PathColumns paths = Paths(work, job, pathStart, count);
        summaries.Add(paths, count);
        ScenarioSeriesRecord? summary = null;
        if (last)
        {
            var (db, ds, dd) = summaries.Finish(job.Quantiles);
            summary = ScenarioSeriesRecord.SkippedFor(Code, string.Empty) with
            {
                Partner = job.Partner,
                Years = work.Input.Years,
                BaselinePaths = db.Select(YearDistribution.From).ToArray(),
                ScenarioPaths = ds.Select(YearDistribution.From).ToArray(),
                DifferencePaths = dd.Select(YearDistribution.From).ToArray(),
            };
            work.Summaries = null;
            if (job.Paths <= job.ExactPaths)
            {
                _scenarioWork.Remove(job.WorkKey); // else the inputs stay for SimulateAgain (the coordinator releases them)
            }
        }

        // Kept by the summaries when exact and whole, and sent as they are: neither side changes them afterwards.
        return ValueTask.FromResult(new Immutable<ScenarioPathBlock>(new ScenarioPathBlock
        {
            Economy = Code,
            Partner = job.Partner,
            PathStart = pathStart,
            Count = count,
            Baseline = withPaths ? paths.Baseline : [],
            Scenario = withPaths ? paths.Scenario : [],
            Summary = summary,
        }));
    }

    public ValueTask<Immutable<ScenarioPathBlock>> SimulateAgain(ScenarioEconomyJob job, long pathStart, int count, CancellationToken cancellationToken)
    {
        RequireRegistered();
        cancellationToken.ThrowIfCancellationRequested();
        ScenarioWork work = Work(job, cancellationToken);
        PathColumns paths = Paths(work, job, pathStart, count);
        return ValueTask.FromResult(new Immutable<ScenarioPathBlock>(new ScenarioPathBlock
        {
            Economy = Code,
            Partner = job.Partner,
            PathStart = pathStart,
            Count = count,
            Baseline = paths.Baseline,
            Scenario = paths.Scenario,
        }));
    }

    private static PathColumns Paths(ScenarioWork work, ScenarioEconomyJob job, long pathStart, int count)
    {
        var options = new SimulationOptions(job.Seed, job.CommonShocks, job.ResidualNoise, job.Bootstrap);
        return PathSimulator.Simulate(work.Model, job.Model.Factor, work.Input, options, pathStart, count);
    }

    public ValueTask Release(string jobId, CancellationToken cancellationToken)
    {
        // The job's own work and its pairs' (keys "job>partner").
        foreach (string key in _scenarioWork.Keys.Where(k => k == jobId || k.StartsWith(jobId + ">", StringComparison.Ordinal)).ToArray())
        {
            _scenarioWork.Remove(key);
        }

        return ValueTask.CompletedTask;
    }

    private ScenarioWork Work(ScenarioEconomyJob job, CancellationToken cancellationToken)
    {
        if (_scenarioWork.TryGetValue(job.WorkKey, out ScenarioWork? work))
        {
            return work;
        }

        (EconomyScenarioInput input, string[] methods) = ScenarioInputBuilder.Build(Code, State.Series, job, (s, spec) => Compute(s, spec, cancellationToken));
        if (_scenarioWork.Count >= ScenarioJobCapacity)
        {
            _scenarioWork.Clear();
        }

        work = new ScenarioWork(job.Model.ToModel(), input, methods);
        _scenarioWork[job.WorkKey] = work;
        return work;
    }

    /// <summary>A job's inputs in this grain, and its distributions so far (exact paths or sketches).</summary>
    private sealed class ScenarioWork(ScenarioModel model, EconomyScenarioInput input, string[] methods)
    {
        public ScenarioModel Model { get; } = model;
        public EconomyScenarioInput Input { get; } = input;
        public string[] Methods { get; } = methods;
        public PathSummaries? Summaries { get; set; }
    }
}
