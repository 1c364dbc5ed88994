namespace TradeGrid.Grains.Abstractions.Audit;

/// <summary>One page of the audit log (key: "audit/N"), written only by <see cref="IAuditLogGrain"/>.</summary>
[Alias("TradeGrid.IAuditPageGrain")]
public interface IAuditPageGrain : IGrainWithStringKey
{
    [Alias("Append")]
    ValueTask Append(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>The page's entries, oldest first.</summary>
    [Alias("Entries")]
    ValueTask<AuditRecord[]> Entries(CancellationToken cancellationToken = default);
}
