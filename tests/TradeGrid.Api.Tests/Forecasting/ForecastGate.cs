using TradeGrid.Grains.Abstractions.Forecasting;

namespace TradeGrid.Api.Tests.Forecasting;

/// <summary>
/// A grain call filter that holds every forecast call for an indicator starting with <see cref="Prefix"/> until the
/// test opens the gate, or until the call is cancelled. A job over such an indicator therefore cannot finish on its
/// own however fast the machine is: a test can cancel it at a point it chooses and count, per indicator, the calls
/// that started, were cancelled and are still waiting.
/// </summary>
public sealed class ForecastGate : IIncomingGrainCallFilter
{
    public const string Prefix = "fc_gated";

    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _sync = new();
    private readonly Dictionary<string, Counts> _counts = new(StringComparer.Ordinal);
    private readonly List<(Func<ForecastGate, bool> Condition, TaskCompletionSource Reached)> _waiters = [];

    public bool IsOpen => _open.Task.IsCompleted;

    public void Open() => _open.TrySetResult();

    /// <summary>Calls for the indicator that reached the gate.</summary>
    public int Entered(string indicator) => Read(indicator).Entered;

    /// <summary>Calls for the indicator waiting at the gate now.</summary>
    public int Waiting(string indicator) => Read(indicator).Waiting;

    /// <summary>Calls for the indicator whose cancellation reached them while they waited.</summary>
    public int Cancelled(string indicator) => Read(indicator).Cancelled;

    /// <summary>Completes when the condition holds (checked now and after every change of the counts).</summary>
    public Task WhenAsync(Func<ForecastGate, bool> condition)
    {
        lock (_sync)
        {
            if (condition(this))
            {
                return Task.CompletedTask;
            }
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, reached));
            return reached.Task;
        }
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Request.GetArgumentCount() > 0 && context.Request.GetArgument(0) is ForecastSpec spec && spec.Indicator.StartsWith(Prefix, StringComparison.Ordinal))
        {
            Change(spec.Indicator, c => c with { Entered = c.Entered + 1, Waiting = c.Waiting + 1 });
            try
            {
                await _open.Task.WaitAsync(context.Request.GetCancellationToken());
            }
            catch (OperationCanceledException)
            {
                Change(spec.Indicator, c => c with { Cancelled = c.Cancelled + 1 });
                throw;
            }
            finally
            {
                Change(spec.Indicator, c => c with { Waiting = c.Waiting - 1 });
            }
        }
        await context.Invoke();
    }

    private Counts Read(string indicator)
    {
        lock (_sync)
        {
            return _counts.GetValueOrDefault(indicator, new Counts(0, 0, 0));
        }
    }

    private void Change(string indicator, Func<Counts, Counts> change)
    {
        lock (_sync)
        {
            _counts[indicator] = change(_counts.GetValueOrDefault(indicator, new Counts(0, 0, 0)));
            foreach (var waiter in _waiters.Where(w => w.Condition(this)).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    private sealed record Counts(int Entered, int Waiting, int Cancelled);
}
