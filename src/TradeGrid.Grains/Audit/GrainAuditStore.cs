using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Audit;

namespace TradeGrid.Grains.Audit;

/// <summary>The audit log in grain state (<see cref="IAuditLogGrain"/> and its pages): the in-memory backend's store.</summary>
public sealed class GrainAuditStore(IGrainFactory grains) : IAuditStore
{
    public Task Append(AuditRecord record, CancellationToken cancellationToken) =>
        grains.AuditLog().Append(record, cancellationToken).AsTask();

    public Task<AuditRecord[]> Latest(int limit, string caller, CancellationToken cancellationToken) =>
        grains.AuditLog().Latest(limit, caller, cancellationToken).AsTask();
}
