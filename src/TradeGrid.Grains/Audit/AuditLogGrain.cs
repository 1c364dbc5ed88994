using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Audit;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Audit;

/// <summary>
/// Orders the audit entries: the page grain stores the entry first, then the head counts it, so a count never names
/// an entry that was not stored (a lost head write at worst stores an entry twice in its page, never loses one).
/// Used by <see cref="GrainAuditStore"/>, the in-memory backend's store; the PostgreSQL backend keeps a table instead.
/// </summary>
public sealed class AuditLogGrain(
    [PersistentState("auditlog", StorageNames.Provider)] IPersistentState<AuditLogState> state) : Grain, IAuditLogGrain
{
    public async ValueTask Append(AuditRecord record, CancellationToken cancellationToken)
    {
        await GrainFactory.AuditPage(state.State.Count / IAuditLogGrain.PageSize).Append(record, cancellationToken);
        state.State.Count++;
        await state.WriteStateAsync(cancellationToken);
    }

    public async ValueTask<AuditRecord[]> Latest(int limit, string caller, CancellationToken cancellationToken)
    {
        var latest = new List<AuditRecord>(Math.Min(limit, 1024));
        for (long page = (state.State.Count - 1) / IAuditLogGrain.PageSize; page >= 0 && latest.Count < limit && state.State.Count > 0; page--)
        {
            AuditRecord[] entries = await GrainFactory.AuditPage(page).Entries(cancellationToken);
            latest.AddRange(entries.Reverse().Where(e => caller.Length == 0 || e.Caller == caller).Take(limit - latest.Count));
        }
        return latest.ToArray();
    }
}
