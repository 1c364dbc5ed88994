using TradeGrid.Grains.Abstractions.Audit;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Audit;

/// <summary>A page of at most <see cref="IAuditLogGrain.PageSize"/> audit entries.</summary>
public sealed class AuditPageGrain(
    [PersistentState("auditpage", StorageNames.Provider)] IPersistentState<AuditPageState> state) : Grain, IAuditPageGrain
{
    public async ValueTask Append(AuditRecord record, CancellationToken cancellationToken)
    {
        state.State.Entries.Add(record);
        await state.WriteStateAsync(cancellationToken);
    }

    public ValueTask<AuditRecord[]> Entries(CancellationToken cancellationToken) => ValueTask.FromResult(state.State.Entries.ToArray());
}
