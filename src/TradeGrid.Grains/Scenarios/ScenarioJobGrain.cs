using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// One scenario job (key: job id), StartScenario's or RunScenario's. <see cref="Start"/> runs the job here, on this
/// grain's scheduler, in the background: the call returns at once and the job runs to completion whether or not its
/// caller waits, unless cancelled. It stores its plan at the start and a checkpoint after every wave, and keeps a
/// reminder while it runs: when its silo is lost (or every silo restarts), the reminder, or any caller asking for the
/// job (GetScenario, CancelScenario, a RunScenario stream following it), activates the grain on a live silo, which
/// resumes from the last checkpoint; a call that failed because a silo died is retried from it too. The result is
/// bit-identical to an uninterrupted run (<see cref="ScenarioCheckpoint"/>). A stream follows the job with
/// <see cref="Read"/>: the economies in plan order, the same at the same index after a resume.
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

    /// <summary>Economies one <see cref="Read"/> returns at most: with the paths' distributions, a page of a few hundred KB.</summary>
    private const int PageSize = 32;

    /// <summary>The economies done so far, in plan order: from the checkpoint after a resume, then as the run reports them.</summary>
    private readonly List<ScenarioSeriesRecord> _economies = [];

    private ScenarioJobStatus? _status;
    private ScenarioResultRecord? _result;
    private CancellationTokenSource? _cancel;

    /// <summary>Completed (and replaced) at every economy done and at the job's end: what a waiting <see cref="Read"/> waits for.</summary>
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The last state write: writes go one after another (see <see cref="WriteStateAsync"/>).</summary>
    private Task _writes = Task.CompletedTask;

    private IJobHooks Hooks => ServiceProvider.GetService<IJobHooks>() ?? JobHooks.None;

    private TimeSpan CheckpointInterval => (ServiceProvider.GetService<IOptions<ScenarioJobOptions>>()?.Value ?? new ScenarioJobOptions()).CheckpointInterval;

    /// <summary>When the run started or last stored a checkpoint (<see cref="ScenarioJobOptions"/>).</summary>
    private long _lastCheckpoint;

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
            _economies.AddRange(state.State.Checkpoint?.Results ?? []);
            StartRun(plan);
        }
        else
        {
            // Only a job stored by a release whose RunScenario ran jobs in the gateway has no plan: nothing to resume from.
            await Stop(ScenarioJobStatus.Failed,
                "a silo running this job was lost and the job kept no plan to resume from; nothing was stored. Run it again: " +
                "StartScenario and RunScenario jobs now resume after a lost silo (GetScenario {job_id} re-attaches to them)");
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

    public async ValueTask<ScenarioJobPage?> Read(int from, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (_status is { State: ScenarioJobStatus.Running } && from >= _economies.Count && wait > TimeSpan.Zero)
        {
            // WhenAny: a wait that times out or is cancelled ends the wait, it is not an error (the caller checks its token).
            await Task.WhenAny(_changed.Task.WaitAsync(wait, cancellationToken));
        }

        if (_status is null)
        {
            return null;
        }

        IReadOnlyList<ScenarioSeriesRecord> done = _status.State == ScenarioJobStatus.Completed && _result is { } result ? result.Economies : _economies;
        ScenarioSeriesRecord[] page = done.Skip(Math.Max(0, from)).Take(PageSize).ToArray();
        return new ScenarioJobPage(_status, page);
    }

    public async ValueTask<ScenarioJobStatus?> Cancel(string reason)
    {
        if (_status is not { State: ScenarioJobStatus.Running })
        {
            return _status;
        }

        _cancel?.Cancel();
        return await Stop(ScenarioJobStatus.Cancelled, reason);
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

    /// <summary>Records an economy done by the run; answers true when the job has stopped (cancelled: the run stops).</summary>
    private ValueTask<bool> Progress(ScenarioSeriesRecord economy, int done, int skipped)
    {
        if (_status is { State: ScenarioJobStatus.Running })
        {
            // A run retried from the checkpoint reports again the economies done after it: the same ones, already here.
            if (done > _economies.Count)
            {
                _economies.Add(economy);
            }

            _status = _status with { Done = done, Skipped = skipped };
            Changed();
        }

        return ValueTask.FromResult(_status is not { State: ScenarioJobStatus.Running });
    }

    private async ValueTask Complete(ScenarioResultRecord result)
    {
        if (_status is not { State: ScenarioJobStatus.Running })
        {
            return;
        }

        _result = result;
        await EndAsync(_status with
        {
            State = ScenarioJobStatus.Completed,
            Done = result.Economies.Length,
            FinishedAt = DateTimeOffset.UtcNow,
            Stored = result.Plan.Store,
        }, result.Plan.Store ? result : null);
    }

    private async ValueTask<ScenarioJobStatus?> Stop(int stateCode, string message, string failedWith = "")
    {
        if (_status is not { State: ScenarioJobStatus.Running })
        {
            return _status;
        }

        await EndAsync(_status with { State = stateCode, Message = message, FailedWith = failedWith, FinishedAt = DateTimeOffset.UtcNow }, stored: null);
        return _status;
    }

    private async Task BeginAsync(ScenarioJobStatus status, ScenarioPlan plan)
    {
        state.State = new ScenarioJobState { Status = status, Plan = plan };
        await WriteStateAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, ResumePeriod, ResumePeriod);
        await SetAsync(status);
    }

    private async Task EndAsync(ScenarioJobStatus status, ScenarioResultRecord? stored)
    {
        _status = status;
        Changed();
        state.State = new ScenarioJobState { Status = status, Result = stored };
        await WriteStateAsync();
        await SetAsync(status);
        await ForgetReminderAsync();
    }

    /// <summary>
    /// Stores the state after the write before it: the run's checkpoint and a call's end of the job (a cancel) can be
    /// in flight at once (the run's awaits interleave with calls), and two writes in flight carry the same ETag, so
    /// the second would be refused.
    /// </summary>
    private Task WriteStateAsync()
    {
        _writes = WriteAfterAsync(_writes);
        return _writes;
    }

    private async Task WriteAfterAsync(Task previous)
    {
        await Task.WhenAny(previous); // the earlier write's failure was reported to its own caller
        await state.WriteStateAsync();
    }

    private void Changed()
    {
        TaskCompletionSource changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
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
                    _lastCheckpoint = Stopwatch.GetTimestamp();
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
        catch (TradeGridException ex)
        {
            // The data or the model cannot answer (e.g. no world totals for the Box 2 scaling): a follower's stream ends with this error's status.
            logger.LogWarning(ex, "Scenario job {JobId} failed", plan.JobId);
            await Stop(ScenarioJobStatus.Failed, ex.Message, ex.GetType().Name);
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
        _lastCheckpoint = Stopwatch.GetTimestamp();
        await WriteStateAsync();
        await Hooks.CheckpointedAsync(_status.JobId, checkpoint.Waves);
    }

    private async Task SetAsync(ScenarioJobStatus status)
    {
        _status = status;
        await GrainFactory.ScenarioIndex().Put(status);
    }

    /// <summary>Progress of the run: each economy kept for the followers; a cancel shows as stop; a wave's checkpoint is stored when one is due.</summary>
    private sealed class Sink(ScenarioJobGrain grain) : IScenarioSink
    {
        public bool KeepsCheckpoints => Stopwatch.GetElapsedTime(grain._lastCheckpoint) >= grain.CheckpointInterval;

        public ValueTask<bool> EconomyDoneAsync(ScenarioSeriesRecord economy, int done, int total, int skipped) => grain.Progress(economy, done, skipped);

        public ValueTask WaveDoneAsync(ScenarioCheckpoint checkpoint) => grain.CheckpointAsync(checkpoint);
    }
}
