using System.Collections.Concurrent;

namespace TradeGrid.Grains.Tests.Support;

/// <summary>Counts, per economy, the calls that ask it for its data version (the silos of the test cluster run in this process).</summary>
public sealed class VersionReadCounter : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.Ordinal);

    public static int Reads(string economy) => _reads.GetValueOrDefault(economy);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == "ReadVersion" && context.TargetId.Key.ToString() is { } key)
        {
            _reads.AddOrUpdate(key, 1, (_, n) => n + 1);
        }
        await context.Invoke();
    }
}
