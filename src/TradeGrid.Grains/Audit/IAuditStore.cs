using TradeGrid.Grains.Abstractions.Audit;

namespace TradeGrid.Grains.Audit;

/// <summary>
/// Where the audit log keeps its entries, chosen with the backend: grain state for the in-memory default
/// (<see cref="GrainAuditStore"/>), a SQL table for PostgreSQL (<see cref="PostgresAuditTable"/>), so auditors can read
/// it with the database's own tools.
/// </summary>
public interface IAuditStore
{
    Task Append(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>The latest <paramref name="limit"/> entries, newest first; only <paramref name="caller"/>'s when not empty.</summary>
    Task<AuditRecord[]> Latest(int limit, string caller, CancellationToken cancellationToken);
}
