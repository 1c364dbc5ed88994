using Microsoft.Extensions.Logging;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// One scenario job (key: job id). <see cref="Start"/> runs the job here, on this grain's scheduler, in the background:
/// the call returns at once and the job runs to completion whether or not its caller waits, unless cancelled.
/// <see cref="Register"/> records a job a gateway runs for a streaming caller, which reports progress and completion.
/// The result is written to grain storage once, in one write with the plan (spec, fit id, data versions, seed), when
/// the job completes and asked to be stored; a cancelled or failed job writes nothing.
/// </summary>
public sealed class ScenarioJobGrain(
    [PersistentState("scenario", StorageNames.Provider)] IPersistentState<ScenarioJobState> state,
    ILogger<ScenarioJobGrain> logger) : Grain, IScenarioJobGrain
{
    private ScenarioJobStatus? _status;
    private ScenarioResultRecord? _result;
    private CancellationTokenSource? _cancel;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists)
        {
            _status = state.State.Status;
            _result = state.State.Result;
        }

        return Task.CompletedTask;
    }

    public async ValueTask<ScenarioJobStatus> Start(ScenarioPlan plan)
    {
        if (_status is not null)
        {
            return _status;
        }

        await SetAsync(ScenarioJobStatus.Of(plan));
        _cancel = new CancellationTokenSource();
        // A running job keeps its grain: it is not an idle activation.
        DelayDeactivation(TimeSpan.FromHours(6));
        _ = RunAsync(plan, _cancel.Token);
        return _status!; // set by SetAsync above
    }

    public async ValueTask<ScenarioJobStatus> Register(ScenarioPlan plan)
    {
        if (_status is null)
        {
            await SetAsync(ScenarioJobStatus.Of(plan));
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

        var finished = _status with
        {
            State = ScenarioJobStatus.Completed,
            Done = result.Economies.Length,
            FinishedAt = DateTimeOffset.UtcNow,
            Stored = result.Plan.Store,
        };
        _result = result;
        if (result.Plan.Store)
        {
            state.State = new ScenarioJobState { Status = finished, Result = result };
            await state.WriteStateAsync();
        }

        await SetAsync(finished);
        return finished;
    }

    public async ValueTask<ScenarioJobStatus> Stop(int stateCode, string message)
    {
        if (_status is not { State: ScenarioJobStatus.Running })
        {
            return _status ?? throw new InvalidOperationException("Stop before Register.");
        }

        await SetAsync(_status with { State = stateCode, Message = message, FinishedAt = DateTimeOffset.UtcNow });
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

    private async Task RunAsync(ScenarioPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            ScenarioResultRecord result = await new ScenarioCoordinator(GrainFactory).RunAsync(plan, new Sink(this), cancellationToken);
            await Complete(result);
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

    private async Task SetAsync(ScenarioJobStatus status)
    {
        _status = status;
        await GrainFactory.ScenarioIndex().Put(status);
    }

    /// <summary>Progress of a job run here: recorded on the grain; a cancel shows as stop.</summary>
    private sealed class Sink(ScenarioJobGrain grain) : IScenarioSink
    {
        public ValueTask<bool> EconomyDoneAsync(ScenarioSeriesRecord economy, int done, int total, int skipped) => grain.Progress(done, skipped);
    }
}
