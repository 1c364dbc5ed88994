using TradeGrid.Grains.Abstractions.Audit;

namespace TradeGrid.Grains.Audit;

/// <summary>
/// A durable table the audit log keeps its entries in instead of grain state (the PostgreSQL backend registers one:
/// <see cref="PostgresAuditTable"/>), so auditors can read it with the database's own tools.
/// </summary>
public interface IAuditTable
{
    Task Append(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>The latest <paramref name="limit"/> entries, newest first; only <paramref name="caller"/>'s when not empty.</summary>
    Task<AuditRecord[]> Latest(int limit, string caller, CancellationToken cancellationToken);
}
