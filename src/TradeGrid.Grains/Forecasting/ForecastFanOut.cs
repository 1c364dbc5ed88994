using TradeGrid.Grains.Abstractions.Forecasting;

namespace TradeGrid.Grains.Forecasting;

/// <summary>
/// Economies' forecasts in flight for a range of a job: a fixed number of workers take the economies in order, one
/// call each at a time, across the job's chunk boundaries, so no core waits at a chunk's end for its slowest economy;
/// the job takes each chunk's outcomes when they are all in (<see cref="RangeAsync"/>). When a call fails, the
/// economies not yet sent are not sent (their outcomes are cancelled) and the range holding the failure throws it.
/// Disposing stops what is left and waits for the workers.
/// </summary>
internal sealed class ForecastFanOut : IAsyncDisposable
{
    private readonly TaskCompletionSource<EconomyForecastOutcome>[] _outcomes;
    private readonly CancellationTokenSource _stop;
    private readonly Task _workers;
    private int _next = -1;

    private ForecastFanOut(IGrainFactory grains, IReadOnlyList<string> economies, ForecastSpec spec, int concurrency, CancellationToken cancellationToken)
    {
        _outcomes = economies.Select(_ => new TaskCompletionSource<EconomyForecastOutcome>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _workers = Task.WhenAll(Enumerable.Range(0, Math.Min(Math.Max(1, concurrency), economies.Count)).Select(_ => WorkAsync(grains, economies, spec)));
    }

    /// <summary>Starts forecasting <paramref name="economies"/>, at most <paramref name="concurrency"/> calls in flight.</summary>
    public static ForecastFanOut Start(IGrainFactory grains, IReadOnlyList<string> economies, ForecastSpec spec, int concurrency, CancellationToken cancellationToken) =>
        new(grains, economies, spec, concurrency, cancellationToken);

    /// <summary>The outcomes of economies [<paramref name="from"/>, <paramref name="to"/>) in order, once all are in.</summary>
    public Task<EconomyForecastOutcome[]> RangeAsync(int from, int to) => Task.WhenAll(_outcomes[from..to].Select(o => o.Task));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _workers;
        _stop.Dispose();
    }

    private async Task WorkAsync(IGrainFactory grains, IReadOnlyList<string> economies, ForecastSpec spec)
    {
        int i;
        while ((i = Interlocked.Increment(ref _next)) < economies.Count)
        {
            if (_stop.IsCancellationRequested)
            {
                _outcomes[i].TrySetCanceled(_stop.Token);
                continue;
            }
            try
            {
                _outcomes[i].TrySetResult(await ForecastCoordinator.OneAsync(grains, economies[i], spec, _stop.Token));
            }
            catch (OperationCanceledException ex)
            {
                _outcomes[i].TrySetCanceled(ex.CancellationToken);
            }
#pragma warning disable CA1031 // The failure goes to the range that holds it; the workers only stop sending.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _outcomes[i].TrySetException(ex);
                await _stop.CancelAsync();
            }
        }
    }
}
