namespace TradeGrid.Grains.Writes;

/// <summary>
/// Points of the write protocol where a host can wait: before the commit point (the caller's cancellation still
/// aborts the write) and after it (the write completes whatever the caller does). The server uses
/// <see cref="WriteHooks.None"/>; tests hold a write at one point and cancel it there, so the outcome does not depend
/// on timing.
/// </summary>
public interface IWriteHooks
{
    ValueTask BeforeCommitAsync(Guid writeId, CancellationToken cancellationToken);

    ValueTask AfterCommitAsync(Guid writeId);
}
