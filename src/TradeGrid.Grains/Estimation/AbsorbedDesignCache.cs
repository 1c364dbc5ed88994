using System.Diagnostics.CodeAnalysis;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Absorption;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// The last prepared absorbed designs of this process (<see cref="AbsorbedDesign"/>: for OLS the rows with the effects
/// projected out, for PPML the IRLS converged on them), so that a fit differing from a recent one only in its covariance
/// kind or level (OLS: or collinearity rule) — another fit id, so another coordinator — does not gather, project or
/// iterate on the same rows again. The key holds everything the design depends on: the spec without those
/// (<see cref="DesignSpec.AbsorbedDesignKey"/>; PPML's keeps the collinearity rule) and every economy's data
/// version, the partners' versions and the years, so a write to any economy of the sample makes the next fit prepare
/// its design anew. A coordinator on another silo prepares its own. Two designs are kept (at 1M rows and one
/// regressor, about 70 MB each for OLS, 100 MB for PPML), the least recently used going first, and none longer than
/// <see cref="IdleLimit"/> unused: the process's cache checks every minute while it holds any.
/// </summary>
public sealed class AbsorbedDesignCache(TimeProvider clock)
{
    /// <summary>How long a design may go unused before it is dropped.</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(10);

    private const int Capacity = 2;

    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    private readonly LinkedList<(string Key, AbsorbedDesignEntry Entry, DateTimeOffset LastUsed)> _entries = new();
    private readonly Lock _lock = new();
    private ITimer? _sweep;

    /// <summary>This process's cache, swept on the system clock (each silo process has one; test silos in one process share it).</summary>
    public static AbsorbedDesignCache Process { get; } = new(TimeProvider.System) { Sweeps = true };

    /// <summary>How many designs are held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Whether a timer drops idle designs while any is held (else only <see cref="DropIdle"/> and each use do).</summary>
    private bool Sweeps { get; init; }

    public bool TryGet(string key, [NotNullWhen(true)] out AbsorbedDesignEntry? entry)
    {
        lock (_lock)
        {
            DropIdleLocked();
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    _entries.Remove(node);
                    _entries.AddFirst((key, node.Value.Entry, clock.GetUtcNow()));
                    entry = node.Value.Entry;
                    return true;
                }
            }
        }

        entry = null;
        return false;
    }

    public void Add(string key, AbsorbedDesignEntry entry)
    {
        lock (_lock)
        {
            DropIdleLocked();
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    _entries.Remove(node);
                    break;
                }
            }

            _entries.AddFirst((key, entry, clock.GetUtcNow()));
            while (_entries.Count > Capacity)
            {
                _entries.RemoveLast();
            }

            if (Sweeps && _sweep is null)
            {
                _sweep = clock.CreateTimer(_ => DropIdle(), null, SweepPeriod, SweepPeriod);
            }
        }
    }

    /// <summary>Drops every design unused for longer than <see cref="IdleLimit"/>; returns how many.</summary>
    public int DropIdle()
    {
        lock (_lock)
        {
            return DropIdleLocked();
        }
    }

    private int DropIdleLocked()
    {
        DateTimeOffset now = clock.GetUtcNow();
        int dropped = 0;
        for (var node = _entries.Last; node is not null;)
        {
            var previous = node.Previous;
            if (now - node.Value.LastUsed > IdleLimit)
            {
                _entries.Remove(node);
                dropped++;
            }

            node = previous;
        }

        if (_entries.Count == 0 && _sweep is not null)
        {
            _sweep.Dispose();
            _sweep = null;
        }

        return dropped;
    }
}
