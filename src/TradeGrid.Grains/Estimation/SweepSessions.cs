using System.Diagnostics.CodeAnalysis;
using TradeGrid.Numerics.Absorption.Sweeps;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// An economy's blocks of fits absorbed in the grains, by fit session, with the time each was last used. The
/// coordinator releases its block when the fit ends; a coordinator lost between prepare and release (its silo gone)
/// never does, so a block idle longer than <see cref="IdleLimit"/> is dropped: a running fit sends a command at every
/// gather (milliseconds apart), and a fit that finds its block gone runs again.
/// </summary>
public sealed class SweepSessions(TimeProvider clock)
{
    /// <summary>How long a block may go without a command before it is dropped.</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, (SweepBlock Block, DateTimeOffset LastUsed)> _blocks = new(StringComparer.Ordinal);

    public int Count => _blocks.Count;

    public void Add(string session, SweepBlock block)
    {
        DropIdle();
        _blocks[session] = (block, clock.GetUtcNow());
    }

    public bool TryGet(string session, [NotNullWhen(true)] out SweepBlock? block)
    {
        if (_blocks.TryGetValue(session, out (SweepBlock Block, DateTimeOffset LastUsed) entry))
        {
            _blocks[session] = (entry.Block, clock.GetUtcNow());
            block = entry.Block;
            return true;
        }

        block = null;
        return false;
    }

    public void Remove(string session) => _blocks.Remove(session);

    /// <summary>Drops every block idle for longer than <see cref="IdleLimit"/>; returns how many.</summary>
    public int DropIdle()
    {
        DateTimeOffset now = clock.GetUtcNow();
        string[] idle = _blocks.Where(b => now - b.Value.LastUsed > IdleLimit).Select(b => b.Key).ToArray();
        foreach (string session in idle)
        {
            _blocks.Remove(session);
        }

        return idle.Length;
    }
}
