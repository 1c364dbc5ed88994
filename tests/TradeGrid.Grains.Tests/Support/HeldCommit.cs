using TradeGrid.Grains.Writes;

namespace TradeGrid.Grains.Tests.Support;

/// <summary>Holds a write just before its commit point (after its rows are staged and its change noted) until released.</summary>
public sealed class HeldCommit : IWriteHooks
{
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Held => _held.Task;

    public void Release() => _released.TrySetResult();

    public async ValueTask BeforeCommitAsync(Guid writeId, CancellationToken cancellationToken)
    {
        _held.TrySetResult();
        await _released.Task;
    }

    public ValueTask AfterCommitAsync(Guid writeId) => ValueTask.CompletedTask;
}
