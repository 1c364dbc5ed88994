using TradeGrid.Grains.Abstractions.Security;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Security;

/// <summary>The per-caller limits set through the admin RPCs, in the grain storage every TradeGrid grain uses (memory or PostgreSQL).</summary>
public sealed class CallerLimitStoreGrain(
    [PersistentState("callerlimits", StorageNames.Provider)] IPersistentState<CallerLimitStoreState> state) : Grain, ICallerLimitStoreGrain
{
    public async ValueTask Set(StoredCallerLimit limit, CancellationToken cancellationToken)
    {
        StoredCallerLimit? before = state.State.Limits.GetValueOrDefault(limit.Caller);
        state.State.Limits[limit.Caller] = limit;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            Restore(limit.Caller, before); // the state in memory stays what storage holds
            throw;
        }
    }

    public async ValueTask<StoredCallerLimit?> Remove(string caller, CancellationToken cancellationToken)
    {
        if (!state.State.Limits.Remove(caller, out StoredCallerLimit? removed))
        {
            return null;
        }
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            Restore(caller, removed);
            throw;
        }
        return removed;
    }

    public ValueTask<StoredCallerLimit[]> List(CancellationToken cancellationToken) =>
        ValueTask.FromResult(state.State.Limits.Values.OrderBy(l => l.Caller, StringComparer.Ordinal).ToArray());

    private void Restore(string caller, StoredCallerLimit? before)
    {
        if (before is null)
        {
            state.State.Limits.Remove(caller);
        }
        else
        {
            state.State.Limits[caller] = before;
        }
    }
}
