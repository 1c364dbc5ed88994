using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Cluster;
using TradeGrid.Grains.Hosting;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// The world pipeline as a durable job (<see cref="IWorldJobGrain"/>). Checkpoints: the plan, stored with a resume
/// reminder before anything runs; with store, the computed outcome and the economies that staged their shares, stored
/// before the commit; the outcome, stored when the job ends. Its rounds (<see cref="WorldCoordinator.ComputeAsync"/>)
/// take milliseconds and write nothing, so a job resumed before its write was staged runs them again (a pure function
/// of the data: the same outcome); one resumed after it commits the staged write (or finds it committed: the ledger
/// answers for a known write) without computing again, so it never reads its own stored shares. A round that fails
/// because a silo died runs again once the cluster has moved its economies. Light when nothing needs more: the resume
/// reminder only for a job that stores (a write to finish even if no caller asks again); the outcome kept, with an
/// expire reminder, only for a job its caller named (<see cref="WorldJobPlan.Keep"/>) or one that stores; any other
/// ended job's state is cleared at once.
/// </summary>
public sealed class WorldJobGrain(
    [PersistentState("world-job", StorageNames.Provider)] IPersistentState<WorldJobState> state,
    ILogger<WorldJobGrain> logger) : Grain, IWorldJobGrain, IRemindable
{
    private const string ResumeReminder = "resume";

    private const string ExpireReminder = "expire";

    /// <summary>How long an ended job's outcome is kept for a caller to find again; then its state is cleared.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private static readonly TimeSpan ResumePeriod = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(3);

    private const int MaxRetries = 20;

    private Task<WorldOutcome>? _run;

    private CancellationTokenSource? _cancel;

    private IJobHooks Hooks => ServiceProvider.GetService<IJobHooks>() ?? JobHooks.None;

    private WriteCoordinator Writes => new(GrainFactory, ServiceProvider.GetService<IWriteHooks>() ?? WriteHooks.None);

    private string JobId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State is { Plan: { } plan, Outcome: null })
        {
            logger.LogWarning("World job {JobId} resumes ({Stage}): the activation that ran it was lost",
                JobId, state.State.Staged is null ? "from its plan" : "from its staged write");
            // No caller may be waiting: the activation stays until the job ends.
            DelayDeactivation(TimeSpan.FromHours(1));
            StartRun(plan);
        }

        return Task.CompletedTask;
    }

    public ValueTask<bool> Known() => ValueTask.FromResult(state.State.Plan is not null);

    public async ValueTask<WorldOutcome> Run(WorldJobPlan plan, CancellationToken cancellationToken)
    {
        if (state.State.Plan is { } known && known.Fingerprint != plan.Fingerprint)
        {
            throw new InvalidSpecException(
                $"request_id: world job {JobId} was started by a different request; send that request again to get its result, or choose a new request_id");
        }

        if (state.State.Outcome is { } ended)
        {
            return ended;
        }

        if (_run is null)
        {
            state.State = new WorldJobState { Plan = plan };
            await state.WriteStateAsync(CancellationToken.None);
            if (plan.Spec.Store)
            {
                await this.RegisterOrUpdateReminder(ResumeReminder, ResumePeriod, ResumePeriod);
            }

            await Hooks.CheckpointedAsync(JobId, 0);
            StartRun(plan);
        }

        // The caller's cancellation stops the job: left running, it would commit a write the caller gave up on.
        CancellationTokenSource? cancel = _cancel;
        using CancellationTokenRegistration stop = cancellationToken.Register(() => cancel?.Cancel());
        return await _run!;
    }

    /// <summary>A resume tick for a job that ended removes its reminder; the expire tick clears an ended job's state.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State is { Plan: not null, Outcome: null })
        {
            return;
        }

        if (reminderName == ExpireReminder)
        {
            await state.ClearStateAsync(CancellationToken.None);
            await ForgetAsync(ExpireReminder);
            DeactivateOnIdle();
        }

        await ForgetAsync(ResumeReminder);
    }

    private void StartRun(WorldJobPlan plan)
    {
        _cancel = new CancellationTokenSource();
        _run = RunAsync(plan, _cancel.Token);
    }

    private async Task<WorldOutcome> RunAsync(WorldJobPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            WorldOutcome outcome = await RetryAsync(plan.Spec, cancellationToken);
            if (plan.Keep || plan.Spec.Store)
            {
                // Kept for the caller that named it, and for a stored job's resent call: its write is not made twice.
                state.State.Outcome = outcome;
                state.State.Staged = null;
                await state.WriteStateAsync(CancellationToken.None);
                await this.RegisterOrUpdateReminder(ExpireReminder, Retention, Retention);
            }
            else
            {
                state.State = new WorldJobState();
                await state.ClearStateAsync(CancellationToken.None);
                _run = null;
            }

            if (plan.Spec.Store)
            {
                await ForgetAsync(ResumeReminder);
            }

            return outcome;
        }
        catch (Exception ex)
        {
            // Refused, failed or cancelled before the commit point: the write is aborted and the job forgotten, so the
            // same request_id may be sent again.
            logger.LogInformation("World job {JobId} ended without a result: {Reason}", JobId, ex.Message);
            if (plan.Spec.Store)
            {
                await Writes.AbortAsync(plan.Spec.WriteId, plan.Spec.Universe);
            }

            state.State = new WorldJobState();
            await state.ClearStateAsync(CancellationToken.None);
            if (plan.Spec.Store)
            {
                await ForgetAsync(ResumeReminder);
            }

            _run = null;
            throw;
        }
        finally
        {
            _cancel?.Dispose();
            _cancel = null;
        }
    }

    private async Task<WorldOutcome> RetryAsync(WorldSpec spec, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(spec, cancellationToken);
            }
            catch (Exception ex) when (SiloLoss.Is(ex) && attempt < MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "World job {JobId}: a grain call failed ({Reason}); running it again", JobId, ex.GetType().Name);
                await Task.Delay(RetryPause, cancellationToken);
            }
        }
    }

    private async Task<WorldOutcome> RunOnceAsync(WorldSpec spec, CancellationToken cancellationToken)
    {
        var coordinator = new WorldCoordinator(GrainFactory);
        if (!spec.Store)
        {
            return (await coordinator.ComputeAsync(spec, cancellationToken)).Outcome;
        }

        if (state.State.Staged is null)
        {
            WorldComputation run = await coordinator.ComputeAsync(spec, cancellationToken);
            (string[] staged, long shares) = await coordinator.StageAsync(spec, run, spec.WriteId, cancellationToken);
            state.State.Staged = run.Outcome with { Stored = shares };
            state.State.StagedEconomies = staged;
            await state.WriteStateAsync(CancellationToken.None);
            await Hooks.CheckpointedAsync(JobId, 1);
        }

        WorldOutcome computed = state.State.Staged;
        if (await GrainFactory.WriteLedger().Find(spec.WriteId, cancellationToken) is { Decision: WriteDecision.Committed } status)
        {
            return computed with { Write = new WorldJobWrite(spec.WriteId, status.Sequence, []) };
        }

        WriteReceipt receipt = await Writes.CommitAsync(spec.WriteId, state.State.StagedEconomies, cancellationToken);
        return computed with { Write = new WorldJobWrite(receipt.WriteId, receipt.Sequence, new Dictionary<string, long>(receipt.Versions, StringComparer.Ordinal)) };
    }

    private async Task ForgetAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
