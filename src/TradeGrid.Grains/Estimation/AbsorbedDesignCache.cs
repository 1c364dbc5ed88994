using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Absorption;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// The last prepared absorbed OLS designs of this process (<see cref="AbsorbedOlsDesign"/>: the rows with the effects
/// projected out), so that a fit differing from a recent one only in its covariance kind, level or collinearity rule —
/// another fit id, so another coordinator — does not gather and project the same rows again. The key holds
/// everything the design depends on: the spec without those three (<see cref="DesignSpec.AbsorbedDesignKey"/>) and
/// every economy's data version, the partners' versions and the years, so a write to any economy of the sample makes
/// the next fit prepare its design anew. A coordinator on another silo prepares its own. Two designs are kept (at 1M
/// rows and one regressor, about 70 MB each); the least recently used goes first.
/// </summary>
internal sealed class AbsorbedDesignCache
{
    private const int Capacity = 2;

    private readonly LinkedList<(string Key, AbsorbedDesignEntry Entry)> _entries = new();
    private readonly Lock _lock = new();

    /// <summary>This process's cache (each silo process has one; test silos in one process share it).</summary>
    public static AbsorbedDesignCache Process { get; } = new();

    public bool TryGet(string key, out AbsorbedDesignEntry entry)
    {
        lock (_lock)
        {
            for (LinkedListNode<(string Key, AbsorbedDesignEntry Entry)>? node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    entry = node.Value.Entry;
                    return true;
                }
            }
        }

        entry = null!;
        return false;
    }

    public void Add(string key, AbsorbedDesignEntry entry)
    {
        lock (_lock)
        {
            for (LinkedListNode<(string Key, AbsorbedDesignEntry Entry)>? node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    _entries.Remove(node);
                    break;
                }
            }

            _entries.AddFirst((key, entry));
            while (_entries.Count > Capacity)
            {
                _entries.RemoveLast();
            }
        }
    }
}
