using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradeGrid.Grains.Abstractions.Forecasting;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Hosting;
using TradeGrid.Grains.Scenarios;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Grains.Forecasting;

/// <summary>
/// One ForecastAll job (key: job id). <see cref="Start"/> stores the plan and runs the job here in the background, in
/// chunks of <see cref="Chunk"/> economies (<see cref="ForecastCoordinator"/>): the forecasts run on across chunks,
/// and every chunk's outcomes are stored in a <see cref="ForecastChunkGrain"/> of its own, in order, once all are in
/// (so each outcome is written once); the job keeps a reminder while it runs. When its silo is lost (or every silo
/// restarts), the reminder, or any caller reading the job, activates the grain on a live silo, which resumes after
/// the last stored chunk; a chunk that failed because a silo died is run again. Chunks are idempotent: a forecast is
/// a pure function of the series, and a stored job's economies stage their points under the job's one write id, a
/// second stage replacing the first. So the outcomes, and the points written, are bit-identical to an uninterrupted run.
/// With store the job ends by committing that write through <see cref="WriteCoordinator"/>: one atomic write, whose
/// commit point is the ledger's; a cancellation before it aborts the write (nothing written), and a job resumed
/// after it commits nothing twice (the ledger answers a known write with its sequence).
/// </summary>
public sealed class ForecastJobGrain(
    [PersistentState("forecast-job", StorageNames.Provider)] IPersistentState<ForecastJobState> state,
    ILogger<ForecastJobGrain> logger) : Grain, IForecastJobGrain, IRemindable
{
    /// <summary>Forecast calls in flight: enough to keep every core busy; not so many that one job floods the silo.</summary>
    public static readonly int Concurrency = Math.Max(4, Environment.ProcessorCount * 4);

    /// <summary>
    /// Economies per stored chunk of a job started here: a loss recomputes what was not stored (the forecasts go on past
    /// the last stored chunk while it waits for its slowest economy); each chunk is one row and one update of the job's
    /// own row. The job keeps the size it started with.
    /// </summary>
    public static readonly int Chunk = 4 * Concurrency;

    private const string ResumeReminder = "resume";

    private const string ExpireReminder = "expire";

    /// <summary>How long an ended job's outcomes are kept for a caller to re-attach; then its state is cleared.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>Orleans' shortest reminder period: a job whose silo died resumes within a minute of the death being declared.</summary>
    private static readonly TimeSpan ResumePeriod = TimeSpan.FromMinutes(1);

    /// <summary>Pause before running a chunk again after a silo fault; with <see cref="MaxRetries"/>, longer than failure detection takes.</summary>
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(5);

    private const int MaxRetries = 60;

    private CancellationTokenSource? _cancel;
    private string _cancelReason = string.Empty;
    private Task _run = Task.CompletedTask;

    /// <summary>Completed (and replaced) when a chunk is stored and when the job ends: what a waiting <see cref="Read"/> waits for.</summary>
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private IJobHooks Hooks => ServiceProvider.GetService<IJobHooks>() ?? JobHooks.None;

    private WriteCoordinator Writes => new(GrainFactory, ServiceProvider.GetService<IWriteHooks>() ?? WriteHooks.None);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Status is { State: ForecastJobStatus.Running } status && state.State.Plan is { } plan)
        {
            logger.LogWarning("ForecastAll job {JobId} resumes after {Done} of {Total} economies: the activation that ran it was lost", status.JobId, status.Done, status.Total);
            StartRun(plan);
        }
        return Task.CompletedTask;
    }

    public async ValueTask<ForecastJobStatus> Start(ForecastJobPlan plan)
    {
        if (state.State.Status is { } known)
        {
            return known;
        }

        state.State = new ForecastJobState { Status = ForecastJobStatus.Of(plan), Plan = plan, ChunkSize = Chunk };
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, ResumePeriod, ResumePeriod);
        StartRun(plan);
        return state.State.Status;
    }

    public async ValueTask<ForecastJobPage?> Read(int from, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (state.State.Status is { State: ForecastJobStatus.Running } running && from >= running.Done && wait > TimeSpan.Zero)
        {
            // WhenAny: a wait that times out or is cancelled ends the wait, it is not an error (the caller checks its token).
            await Task.WhenAny(_changed.Task.WaitAsync(wait, cancellationToken));
        }
        if (state.State.Status is not { } status)
        {
            return null;
        }
        int size = state.State.ChunkSize;
        int firstChunk = size == 0 ? 0 : Math.Clamp(from, 0, int.MaxValue) / size;
        EconomyForecastOutcome[] outcomes = await ReadChunksAsync(firstChunk, state.State.ChunksDone);
        int skip = Math.Clamp(from - (firstChunk * size), 0, outcomes.Length);
        return new ForecastJobPage(status, outcomes[skip..]);
    }

    public async ValueTask<ForecastJobStatus?> Cancel(string reason)
    {
        if (state.State.Status is not { State: ForecastJobStatus.Running })
        {
            return state.State.Status;
        }
        _cancelReason = reason;
        if (_cancel is { } cancel)
        {
            await cancel.CancelAsync();
        }
        await _run;
        return state.State.Status;
    }

    /// <summary>
    /// The activation resumes a running job (<see cref="OnActivateAsync"/>); a resume tick for a job that ended removes
    /// its reminder; the expire tick, <see cref="Retention"/> after the job ended, clears its state.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Status is { State: ForecastJobStatus.Running })
        {
            return;
        }
        if (reminderName == ExpireReminder)
        {
            string jobId = this.GetPrimaryKeyString();
            await Task.WhenAll(Enumerable.Range(0, state.State.ChunksDone)
                .Select(i => GrainFactory.GetGrain<IForecastChunkGrain>(ForecastChunkGrain.Key(jobId, i)).Clear()));
            await state.ClearStateAsync();
            await ForgetReminderAsync(ExpireReminder);
            DeactivateOnIdle();
        }
        await ForgetReminderAsync(ResumeReminder);
    }

    private void StartRun(ForecastJobPlan plan)
    {
        _cancel = new CancellationTokenSource();
        // A running job keeps its grain: it is not an idle activation.
        DelayDeactivation(TimeSpan.FromHours(6));
        _run = RunAsync(plan, _cancel.Token);
    }

    private async Task RunAsync(ForecastJobPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    await RunChunksAsync(plan, cancellationToken);
                    ForecastJobWrite? write = plan.Spec.Store ? await CommitAsync(plan, cancellationToken) : null;
                    await EndAsync(ForecastJobStatus.Completed, string.Empty, write);
                    return;
                }
                catch (Exception ex) when (ex is OrleansException or TimeoutException && attempt < MaxRetries && !cancellationToken.IsCancellationRequested)
                {
                    // A silo holding some of the economies died: their grains re-activate elsewhere once the death is declared.
                    logger.LogWarning(ex, "ForecastAll job {JobId}: a grain call failed ({Reason}); resuming after {Done} economies", plan.JobId, ex.GetType().Name, state.State.Status?.Done);
                    await Task.Delay(RetryPause, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (await AbortAsync(plan) is { } committed)
            {
                await EndAsync(ForecastJobStatus.Completed, "cancelled after its write had committed: the points are written", committed);
                return;
            }
            await EndAsync(ForecastJobStatus.Cancelled, string.IsNullOrEmpty(_cancelReason) ? "cancelled; nothing was written" : _cancelReason, write: null);
        }
#pragma warning disable CA1031 // A background job has no caller to rethrow to: every failure is recorded on the job, and logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "ForecastAll job {JobId} failed", plan.JobId);
            if (ex is not WriteAbortedException && await AbortAsync(plan) is { } committed)
            {
                await EndAsync(ForecastJobStatus.Completed, $"failed after its write had committed ({ex.Message}): the points are written", committed);
                return;
            }
            await EndAsync(ForecastJobStatus.Failed, ex.Message, write: null);
        }
        finally
        {
            _cancel?.Dispose();
            _cancel = null;
        }
    }

    /// <summary>
    /// Runs the chunks after the stored ones: the economies' forecasts go on across chunk boundaries (one
    /// <see cref="ForecastFanOut"/> for the rest of the job), and each chunk's outcomes, once all are in, go to its own
    /// grain, then the job's row counts it. A loss between the two runs that chunk again, and its second store replaces
    /// the first; forecasts of later chunks made before a loss are made again.
    /// </summary>
    private async Task RunChunksAsync(ForecastJobPlan plan, CancellationToken cancellationToken)
    {
        int size = state.State.ChunkSize;
        int begin = state.State.ChunksDone * size;
        if (begin >= plan.Economies.Length)
        {
            return;
        }
        await using ForecastFanOut fanOut = ForecastFanOut.Start(GrainFactory, plan.Economies[begin..], plan.Spec, Concurrency, cancellationToken);
        while (state.State.ChunksDone * size < plan.Economies.Length)
        {
            int index = state.State.ChunksDone;
            int start = index * size;
            int end = Math.Min(plan.Economies.Length, start + size);
            EconomyForecastOutcome[] outcomes = await fanOut.RangeAsync(start - begin, end - begin);
            cancellationToken.ThrowIfCancellationRequested();
            await GrainFactory.GetGrain<IForecastChunkGrain>(ForecastChunkGrain.Key(plan.JobId, index)).Store(outcomes);
            state.State.ChunksDone = index + 1;
            state.State.Status = state.State.Status! with { Done = end }; // set by Start
            await state.WriteStateAsync();
            Changed();
            await Hooks.CheckpointedAsync(plan.JobId, index + 1);
        }
    }

    /// <summary>The stored outcomes of chunks [<paramref name="first"/>, <paramref name="end"/>), in plan order.</summary>
    private async Task<EconomyForecastOutcome[]> ReadChunksAsync(int first, int end)
    {
        string jobId = this.GetPrimaryKeyString();
        EconomyForecastOutcome[][] chunks = await Task.WhenAll(Enumerable.Range(first, Math.Max(0, end - first))
            .Select(i => GrainFactory.GetGrain<IForecastChunkGrain>(ForecastChunkGrain.Key(jobId, i)).Read().AsTask()));
        return [.. chunks.SelectMany(c => c)];
    }

    /// <summary>Commits the job's write: the economies that staged points are those whose outcome stored any.</summary>
    private async Task<ForecastJobWrite> CommitAsync(ForecastJobPlan plan, CancellationToken cancellationToken)
    {
        EconomyForecastOutcome[] outcomes = await ReadChunksAsync(0, state.State.ChunksDone);
        string[] staged = outcomes.Where(o => o.Forecast is { Stored: > 0 }).Select(o => o.Economy).ToArray();
        WriteReceipt receipt = await Writes.CommitAsync(plan.Spec.WriteId, staged, cancellationToken);
        return new ForecastJobWrite(receipt.WriteId, receipt.Sequence, new Dictionary<string, long>(receipt.Versions, StringComparer.Ordinal));
    }

    /// <summary>
    /// Aborts a stored job's write before its commit point (every economy of the plan may have staged under it).
    /// Returns the write when it had already committed (its answer was lost): then the points are written.
    /// </summary>
    private async Task<ForecastJobWrite?> AbortAsync(ForecastJobPlan plan)
    {
        if (!plan.Spec.Store)
        {
            return null;
        }
        WriteStatus status = await Writes.AbortAsync(plan.Spec.WriteId, plan.Economies);
        return status.Decision == WriteDecision.Committed
            ? new ForecastJobWrite(plan.Spec.WriteId, status.Sequence, new Dictionary<string, long>(StringComparer.Ordinal))
            : null;
    }

    private async Task EndAsync(int stateCode, string message, ForecastJobWrite? write)
    {
        state.State.Status = state.State.Status! with { State = stateCode, Message = message, FinishedAt = DateTimeOffset.UtcNow, Write = write }; // set by Start
        await state.WriteStateAsync();
        Changed();
        await ForgetReminderAsync(ResumeReminder);
        await this.RegisterOrUpdateReminder(ExpireReminder, Retention, Retention);
    }

    private void Changed()
    {
        TaskCompletionSource changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private async Task ForgetReminderAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
