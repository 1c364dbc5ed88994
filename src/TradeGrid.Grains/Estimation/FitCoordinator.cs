using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Cluster;
using TradeGrid.Grains.Hosting;
using TradeGrid.Grains.Scenarios;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// Coordinator of one model (key: the spec's fit id). Partner series that partner-side regressors read are gathered
/// here once and passed to every reporter, so economy grains never call each other (no call cycles between grains).
/// The fit is kept, in the grain's stored state, with the data versions it read; a request whose economies all still
/// have those versions is served from it, any change refits. Whether they still have them is asked of the change
/// board first (one call); the economies themselves are asked only when the board has a note for one of them. A refused fit leaves it as it was. Stored, the fit
/// outlives the silo: with durable storage GetFit and Predict answer from it after a restart.
/// A large fit (<see cref="DurableRows"/> rows or more) is durable: its plan is stored, with a reminder, before the
/// estimation starts, so when its silo is lost the next call, or the reminder, activates the coordinator on a live
/// silo, which runs the plan again (the rows of economies on surviving silos are still cached in their grains). A
/// fit whose economy grains are lost with their silo is run again once the cluster has moved them. A fit is a pure
/// function of its rows, gathered in the spec's order, so a resumed fit is bit-identical to an uninterrupted one.
/// </summary>
public sealed class FitCoordinator(
    [PersistentState("fit-coordinator", StorageNames.Provider)] IPersistentState<FitCoordinatorState> state,
    ILogger<FitCoordinator> logger) : Grain, IFitCoordinator, IRemindable
{
    /// <summary>Rows from which a fit stores its plan and survives the loss of its silo: below it a fit is run again by the caller in well under a second.</summary>
    public const long DurableRows = 100_000;

    private const string ResumeReminder = "resume";

    /// <summary>Orleans' shortest reminder period: a fit whose silo died resumes within a minute of the death being declared, if no caller asks first.</summary>
    private static readonly TimeSpan ResumePeriod = TimeSpan.FromMinutes(1);

    /// <summary>Pause before running a fit again after a silo fault; with <see cref="MaxRetries"/>, longer than failure detection takes.</summary>
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(3);

    private const int MaxRetries = 20;

    private FitOutcome? _fit;

    /// <summary>
    /// A change-board token taken before a version check that found <see cref="_fit"/>'s versions, with no write
    /// pending: while the board says none of the fit's economies changed since, the fit is current without asking them.
    /// In memory only: a new activation checks the versions once.
    /// </summary>
    private ChangeToken? _verified;

    /// <summary>The stored plan this activation resumes (it never fails: a failure is logged and the plan cleared).</summary>
    private Task _resume = Task.CompletedTask;

    private IJobHooks Hooks => ServiceProvider.GetService<IJobHooks>() ?? JobHooks.None;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _fit = state.State.Fit;
        if (state.State.Running is { } plan)
        {
            logger.LogWarning("Fit {FitId} resumes ({Rows} rows, started {StartedAt:O}): the activation that ran it was lost",
                this.GetPrimaryKeyString(), plan.Rows, plan.StartedAt);
            _resume = ResumeAsync(plan);
        }

        return Task.CompletedTask;
    }

    public async ValueTask<FitOutcome> Fit(DesignSpec spec, int maxRows, CancellationToken cancellationToken)
    {
        // A call that arrives while a lost fit is resumed waits for it, and is then served from it.
        await _resume;
        return await FitCurrentAsync(spec, maxRows, cancellationToken);
    }

    /// <summary>The fit, from the cache while its economies have its versions, else estimated now.</summary>
    private async Task<FitOutcome> FitCurrentAsync(DesignSpec spec, int maxRows, CancellationToken cancellationToken)
    {
        string[] partnerSources = spec.PartnerSources();
        string[] economies = FitInputs.Economies(spec);
        ChangeCheck check = await GrainFactory.ChangeBoard().ChangedSince(_fit is null ? null : _verified, economies, cancellationToken);
        if (_fit is { } unchanged && !check.Changed)
        {
            return unchanged with { FromCache = true };
        }

        (EconomyVersion[] current, bool pending) = await FitInputs.VersionsAsync(GrainFactory, economies, cancellationToken);
        if (_fit is { } cached && cached.Versions.SequenceEqual(current))
        {
            _verified = pending ? null : check.Now;
            return cached with { FromCache = true };
        }

        _verified = null;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await EstimateAsync(spec, maxRows, partnerSources, current, pending, check, cancellationToken);
            }
            catch (Exception ex) when ((SiloLoss.Is(ex) || ex is SweepSessionLostException) && attempt < MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                // A silo holding some of the economies died: their grains re-activate elsewhere once the death is declared
                // (a fit absorbed in the grains then finds an economy without its block, and starts again).
                logger.LogWarning(ex, "Fit {FitId}: a grain call failed ({Reason}); running it again", this.GetPrimaryKeyString(), ex.GetType().Name);
                await Task.Delay(RetryPause, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Reminder ticks keep a stored plan running: the activation they cause resumes it (<see cref="OnActivateAsync"/>);
    /// a tick with no plan left removes the reminder.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Running is null && await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task ResumeAsync(FitPlan plan)
    {
        try
        {
            await FitCurrentAsync(plan.Spec, plan.MaxRows, CancellationToken.None);
            await EndPlanAsync();
        }
#pragma warning disable CA1031 // Nobody awaits a resumed fit's failure: it is logged, the plan dropped, and the next call fits afresh.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Fit {FitId}: the resumed fit failed; the next call fits again", this.GetPrimaryKeyString());
            await EndPlanAsync();
        }
    }

    private async Task<FitOutcome> EstimateAsync(DesignSpec spec, int maxRows, string[] partnerSources, EconomyVersion[] current, bool pending,
        ChangeCheck check, CancellationToken cancellationToken)
    {
        long begun = Stopwatch.GetTimestamp();
        PartnerSeries[] partners = await FitInputs.PartnersAsync(GrainFactory, spec, partnerSources, cancellationToken);
        double partnersMs = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
        string stamp = string.Join(",", current.Where(v => partnerSources.Contains(v.Economy)).Select(v => $"{v.Economy}:{v.Version}"));
        var request = new BlockRequest(spec, partners, stamp, [], []);
        BlockInfo[] infos = await Task.WhenAll(spec.Economies.Select(e => Block(e).DescribeBlock(request, cancellationToken).AsTask()));
        double rowsMs = Stopwatch.GetElapsedTime(begun).TotalMilliseconds - partnersMs;
        long rows = infos.Sum(i => (long)i.Rows);
        if (rows == 0)
        {
            throw new InsufficientDataException(
                $"The sample is empty: no row of {spec.Economies.Length} economies has the dependent and every regressor"
                + $"{FitInputs.Drops(infos)}; widen the sample (economies, partners, years) or change the variables.");
        }

        if (rows > maxRows)
        {
            throw new ResourceLimitException($"The sample has {rows} rows, over the server's limit of {maxRows}; narrow the sample (economies, years).");
        }

        if (rows >= DurableRows && state.State.Running is null)
        {
            await BeginPlanAsync(new FitPlan(spec, maxRows, rows, DateTimeOffset.UtcNow));
        }

        try
        {
            int[] years = infos.SelectMany(i => i.Years).Distinct().Order().ToArray();
            request = request with { Years = years };
            IEconomyEstimateGrain[] blocks = infos.Where(i => i.Rows > 0).Select(i => Block(i.Economy)).ToArray();
            long started = Stopwatch.GetTimestamp();
            TimeSpan pausedBefore = GC.GetTotalPauseDuration();
            int gen2Before = GC.CollectionCount(2);
            FitStatistics statistics = spec.Absorbed && spec.AbsorbInGrains
                ? await SweepFitCoordinator.RunAsync(blocks, request, logger, cancellationToken)
                : spec.Absorbed
                ? await AbsorbedFitCoordinator.RunAsync(blocks, request, string.Join(",", infos.Select(i => $"{i.Economy}:{i.Version}")), cancellationToken)
                : spec.Estimator == EstimatorKind.Ppml
                ? await PoissonFitCoordinator.RunAsync(blocks, request, cancellationToken)
                : await LinearFitCoordinator.RunAsync(blocks, request, cancellationToken);

            // Record what the economies said they read: a write after the version check shows up here and makes the next call refit.
            Dictionary<string, long> read = current.ToDictionary(v => v.Economy, v => v.Version, StringComparer.Ordinal);
            foreach (BlockInfo info in infos)
            {
                read[info.Economy] = info.Version;
            }

            _fit = new FitOutcome
            {
                FitId = this.GetPrimaryKeyString(),
                Spec = spec,
                Statistics = statistics,
                Drops = infos.SelectMany(i => i.Drops).GroupBy(d => d.Reason, StringComparer.Ordinal)
                    .Select(g => new DropNote(g.Key, g.Sum(d => d.Rows), g.First().Example)).ToArray(),
                Versions = current.Select(v => new EconomyVersion(v.Economy, read[v.Economy])).ToArray(),
                Blocks = blocks.Length,
                FittedAt = DateTimeOffset.UtcNow,
            };
            logger.LogInformation(
                "Fit {FitId}: {Estimator} on {Rows} rows of {Blocks} economies in {Elapsed} ms (before them: partners' series {Partners} ms, economies' rows {RowsMs} ms; the process's GC paused {GcMs} ms meanwhile, {Gen2} gen-2 collections)",
                _fit.FitId, spec.Estimator, statistics.Observations, blocks.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds, partnersMs, rowsMs,
                (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds, GC.CollectionCount(2) - gen2Before);
        }
        catch (Exception ex) when (!SiloLoss.Is(ex))
        {
            // A refusal or a cancelled caller ends the plan; a silo fault keeps it for the next attempt or activation.
            await EndPlanAsync();
            throw;
        }

        // The versions read after the token hold while the board says unchanged, unless a write was pending or a block read a newer one.
        _verified = !pending && _fit.Versions.SequenceEqual(current) ? check.Now : null;
        bool planned = state.State.Running is not null;
        state.State.Fit = _fit;
        state.State.Running = null;
        await state.WriteStateAsync(CancellationToken.None);
        if (planned)
        {
            await ForgetReminderAsync();
        }

        await GrainFactory.FitIndex().Record(
            new FitListing(_fit.FitId, spec.Estimator, spec.Dependent.Name, _fit.Statistics.Observations, _fit.FittedAt), cancellationToken);
        return _fit;
    }

    /// <summary>Stores the plan and the resume reminder, then lets a test hold the fit there (<see cref="IJobHooks"/>).</summary>
    private async Task BeginPlanAsync(FitPlan plan)
    {
        state.State.Running = plan;
        await state.WriteStateAsync(CancellationToken.None);
        await this.RegisterOrUpdateReminder(ResumeReminder, ResumePeriod, ResumePeriod);
        await Hooks.CheckpointedAsync(this.GetPrimaryKeyString(), 0);
    }

    private async Task EndPlanAsync()
    {
        if (state.State.Running is null)
        {
            return;
        }

        state.State.Running = null;
        await state.WriteStateAsync(CancellationToken.None);
        await ForgetReminderAsync();
    }

    private async Task ForgetReminderAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async ValueTask<FitOutcome?> GetFit(CancellationToken cancellationToken)
    {
        // A fit being resumed (its silo was lost) is answered once it is made.
        await _resume;
        if (_fit is null)
        {
            return null;
        }

        string[] economies = FitInputs.Economies(_fit.Spec);
        ChangeCheck check = await GrainFactory.ChangeBoard().ChangedSince(_verified, economies, cancellationToken);
        if (!check.Changed)
        {
            return _fit;
        }

        (EconomyVersion[] current, bool pending) = await FitInputs.VersionsAsync(GrainFactory, economies, cancellationToken);
        bool stale = !_fit.Versions.SequenceEqual(current);
        _verified = stale || pending ? null : check.Now;
        return _fit with { Stale = stale };
    }

    public ValueTask<FitOutcome?> PeekFit(CancellationToken cancellationToken) => ValueTask.FromResult(_fit);

    private IEconomyEstimateGrain Block(string economy) => GrainFactory.EconomyEstimate(economy);
}
