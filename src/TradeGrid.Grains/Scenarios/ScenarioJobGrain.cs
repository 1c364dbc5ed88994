using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// One scenario job (key: job id). <see cref="Start"/> runs the job here, on this grain's scheduler, in the background:
/// the call returns at once and the job runs to completion whether or not its caller waits, unless cancelled. It
/// stores its plan at the start and a checkpoint after every wave, and keeps a reminder while it runs: when its silo
/// is lost (or every silo restarts), the reminder, or any caller asking for the job, activates the grain on a live
/// silo, which resumes from the last checkpoint; a call that failed because a silo died is retried from it too. The
/// result is bit-identical to an uninterrupted run (<see cref="ScenarioCheckpoint"/>).
/// <see cref="Register"/> records a job a gateway runs for a streaming caller, which reports progress and completion;
/// such a job ends with its gateway (a new activation finds it running with no plan and marks it failed).
/// When a job ends its final status is stored, with the result when it completed and asked to be stored.
/// </summary>
public sealed class ScenarioJobGrain(
    [PersistentState("scenario", StorageNames.Provider)] IPersistentState<ScenarioJobState> state,
    ILogger<ScenarioJobGrain> logger) : Grain, IScenarioJobGrain, IRemindable
{
    private const string ResumeReminder = "resume";

    /// <summary>Orleans' shortest reminder period: a job whose silo died resumes within a minute of the death being declared.</summary>
    private static readonly TimeSpan ResumePeriod = TimeSpan.FromMinutes(1);

    /// <summary>Pause before resuming after a silo fault; with <see cref="MaxRetries"/>, longer than failure detection takes.</summary>
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(5);

    private const int MaxRetries = 60;

    private ScenarioJobStatus? _status;
    private ScenarioResultRecord? _result;
    private CancellationTokenSource? _cancel;

    private IJobHooks Hooks => ServiceProvider.GetService<IJobHooks>() ?? JobHooks.None;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            return;
        }

        _status = state.State.Status;
        _result = state.State.Result;
        if (_status is not { State: ScenarioJobStatus.Running })
        {
            return;
        }

        if (state.State.Plan is { } plan)
        {
            logger.LogWarning("Scenario job {JobId} resumes after {Waves} waves: the activation that ran it was lost", plan.JobId, state.State.Checkpoint?.Waves ?? 0);
            StartRun(plan);
        }
        else
        {
            await Stop(ScenarioJobStatus.Failed,
                "a silo running this streamed job (RunScenario) was lost and such a job cannot resume on another; nothing was stored. " +
                "Run it again with StartScenario, whose job resumes after a lost silo: GetScenario {job_id} re-attaches to it");
        }
    }

    public async ValueTask<ScenarioJobStatus> Start(ScenarioPlan plan)
    {
        if (_status is not null)
        {
            return _status;
        }

        await BeginAsync(ScenarioJobStatus.Of(plan), plan);
        StartRun(plan);
        return _status!; // set by BeginAsync
    }

    public async ValueTask<ScenarioJobStatus> Register(ScenarioPlan plan)
    {
        if (_status is null)
        {
            await BeginAsync(ScenarioJobStatus.Of(plan), plan: null);
            DelayDeactivation(TimeSpan.FromHours(6));
        }

        return _status!; // set above, or by an earlier call
    }

    public ValueTask<bool> Progress(int done, int skipped)
    {
        if (_status is { State: ScenarioJobStatus.Running })
        {
            _status = _status with { Done = done, Skipped = skipped };
        }

        return ValueTask.FromResult(_status is not { State: ScenarioJobStatus.Running });
    }

    public async ValueTask<ScenarioJobStatus> Complete(ScenarioResultRecord result)
    {
        if (_status is not { State: ScenarioJobStatus.Running })
        {
            return _status ?? throw new InvalidOperationException("Complete before Register.");
        }

        _result = result;
        await EndAsync(_status with
        {
            State = ScenarioJobStatus.Completed,
            Done = result.Economies.Length,
            FinishedAt = DateTimeOffset.UtcNow,
            Stored = result.Plan.Store,
        }, result.Plan.Store ? result : null);
        return _status;
    }

    public async ValueTask<ScenarioJobStatus> Stop(int stateCode, string message)
    {
        if (_status is not { State: ScenarioJobStatus.Running })
        {
            return _status ?? throw new InvalidOperationException("Stop before Register.");
        }

        await EndAsync(_status with { State = stateCode, Message = message, FinishedAt = DateTimeOffset.UtcNow }, stored: null);
        return _status;
    }

    public async ValueTask<ScenarioJobStatus?> Cancel()
    {
        if (_status is not { State: ScenarioJobStatus.Running })
        {
            return _status;
        }

        _cancel?.Cancel();
        return await Stop(ScenarioJobStatus.Cancelled, "cancelled by CancelScenario; nothing was stored");
    }

    public ValueTask<ScenarioJobStatus?> GetStatus() => ValueTask.FromResult(_status);

    public ValueTask<ScenarioResultRecord?> GetResult() =>
        ValueTask.FromResult(_status is { State: ScenarioJobStatus.Completed } ? _result : null);

    /// <summary>The activation resumes a running job (<see cref="OnActivateAsync"/>); a tick for a job that ended removes the reminder.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_status is not { State: ScenarioJobStatus.Running })
        {
            await ForgetReminderAsync();
        }
    }

    private async Task BeginAsync(ScenarioJobStatus status, ScenarioPlan? plan)
    {
        state.State = new ScenarioJobState { Status = status, Plan = plan };
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, ResumePeriod, ResumePeriod);
        await SetAsync(status);
    }

    private async Task EndAsync(ScenarioJobStatus status, ScenarioResultRecord? stored)
    {
        _status = status;
        state.State = new ScenarioJobState { Status = status, Result = stored };
        await state.WriteStateAsync();
        await SetAsync(status);
        await ForgetReminderAsync();
    }

    private async Task ForgetReminderAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void StartRun(ScenarioPlan plan)
    {
        _cancel = new CancellationTokenSource();
        // A running job keeps its grain: it is not an idle activation.
        DelayDeactivation(TimeSpan.FromHours(6));
        _ = RunAsync(plan, _cancel.Token);
    }

    private async Task RunAsync(ScenarioPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    ScenarioResultRecord result = await new ScenarioCoordinator(GrainFactory).RunAsync(plan, new Sink(this), cancellationToken, state.State.Checkpoint);
                    await Complete(result);
                    return;
                }
                catch (Exception ex) when (ex is OrleansException or TimeoutException && attempt < MaxRetries && !cancellationToken.IsCancellationRequested)
                {
                    // A silo holding some of the economies died: their grains re-activate elsewhere once the death is declared.
                    logger.LogWarning(ex, "Scenario job {JobId}: a grain call failed ({Reason}); resuming after {Waves} waves", plan.JobId, ex.GetType().Name, state.State.Checkpoint?.Waves ?? 0);
                    await Task.Delay(RetryPause, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            await Stop(ScenarioJobStatus.Cancelled, "cancelled; nothing was stored");
        }
#pragma warning disable CA1031 // A background job has no caller to rethrow to: every failure is recorded on the job, and logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Scenario job {JobId} failed", plan.JobId);
            await Stop(ScenarioJobStatus.Failed, ex.Message);
        }
        finally
        {
            _cancel?.Dispose();
            _cancel = null;
        }
    }

    private async ValueTask CheckpointAsync(ScenarioCheckpoint checkpoint)
    {
        if (_status is not { State: ScenarioJobStatus.Running })
        {
            return;
        }

        state.State.Checkpoint = checkpoint;
        await state.WriteStateAsync();
        await Hooks.CheckpointedAsync(_status.JobId, checkpoint.Waves);
    }

    private async Task SetAsync(ScenarioJobStatus status)
    {
        _status = status;
        await GrainFactory.ScenarioIndex().Put(status);
    }

    /// <summary>Progress of a job run here: recorded on the grain; a cancel shows as stop; each wave's checkpoint is stored.</summary>
    private sealed class Sink(ScenarioJobGrain grain) : IScenarioSink
    {
        public ValueTask<bool> EconomyDoneAsync(ScenarioSeriesRecord economy, int done, int total, int skipped) => grain.Progress(done, skipped);

        public ValueTask WaveDoneAsync(ScenarioCheckpoint checkpoint) => grain.CheckpointAsync(checkpoint);
    }
}
