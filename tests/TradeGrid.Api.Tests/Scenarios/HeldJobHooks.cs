using System.Collections.Concurrent;
using TradeGrid.Grains.Scenarios;

namespace TradeGrid.Api.Tests.Scenarios;

/// <summary>
/// Holds every job just after it stored its first checkpoint until the test releases that job, so a test acts while
/// the job is known to be running, mid-way, however fast the machine is. A job not released is let go after a guard
/// (a test that failed before releasing it must not hold the server's shutdown).
/// </summary>
public sealed class HeldJobHooks : IJobHooks
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Held> _jobs = new(StringComparer.Ordinal);

    /// <summary>Completes when the job has stored its first checkpoint and is held there.</summary>
    public Task Reached(string jobId) => Of(jobId).Reached.Task.WaitAsync(Guard);

    public void Release(string jobId) => Of(jobId).Released.TrySetResult();

    public async ValueTask CheckpointedAsync(string jobId, int chunks)
    {
        if (chunks != 1)
        {
            return;
        }

        Held held = Of(jobId);
        held.Reached.TrySetResult();
        await Task.WhenAny(held.Released.Task, Task.Delay(Guard));
    }

    private Held Of(string jobId) => _jobs.GetOrAdd(jobId, _ => new Held());

    private sealed class Held
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
