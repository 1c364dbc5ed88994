namespace TradeGrid.Grains.Abstractions.Audit;

/// <summary>
/// The audit log of writes, in durable grain state (memory or PostgreSQL, as every grain). One head grain orders the
/// entries and writes them into pages (<see cref="IAuditPageGrain"/>) of <see cref="PageSize"/>, so an append stores
/// one page, not the whole log.
/// </summary>
[Alias("TradeGrid.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    public const string DefaultKey = "audit";
    public const int PageSize = 256;

    [Alias("Append")]
    ValueTask Append(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>The latest <paramref name="limit"/> entries, newest first; only <paramref name="caller"/>'s when given.</summary>
    [Alias("Latest")]
    ValueTask<AuditRecord[]> Latest(int limit, string caller, CancellationToken cancellationToken = default);
}
