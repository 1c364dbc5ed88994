namespace TradeGrid.Grains.Writes;

/// <summary>Hooks that wait for nothing: the server's.</summary>
public sealed class WriteHooks : IWriteHooks
{
    public static readonly WriteHooks None = new();

    public ValueTask BeforeCommitAsync(Guid writeId, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask AfterCommitAsync(Guid writeId) => ValueTask.CompletedTask;
}
