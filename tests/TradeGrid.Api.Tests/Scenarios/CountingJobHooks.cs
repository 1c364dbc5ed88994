using System.Collections.Concurrent;
using TradeGrid.Grains.Scenarios;

namespace TradeGrid.Api.Tests.Scenarios;

/// <summary>Records, per job, the wave count of every checkpoint the job stored.</summary>
public sealed class CountingJobHooks : IJobHooks
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _checkpoints = new(StringComparer.Ordinal);

    public IReadOnlyList<int> Checkpoints(string jobId) => _checkpoints.TryGetValue(jobId, out ConcurrentQueue<int>? waves) ? waves.ToArray() : [];

    public ValueTask CheckpointedAsync(string jobId, int chunks)
    {
        _checkpoints.GetOrAdd(jobId, _ => new ConcurrentQueue<int>()).Enqueue(chunks);
        return ValueTask.CompletedTask;
    }
}
