using TradeGrid.Grains.Writes;

namespace TradeGrid.Grains.Tests.Writes;

/// <summary>Where a test cancels a write: at a point of the protocol, so the outcome never depends on timing.</summary>
public enum CancelAt
{
    Never,
    BeforeCommit,
    AfterCommit,
}

/// <summary>Write hooks that cancel the caller's token at a chosen point of the protocol.</summary>
public sealed class CancellingHooks(CancellationTokenSource caller, CancelAt at) : IWriteHooks
{
    public async ValueTask BeforeCommitAsync(Guid writeId, CancellationToken cancellationToken)
    {
        if (at == CancelAt.BeforeCommit)
        {
            await caller.CancelAsync();
        }
    }

    public async ValueTask AfterCommitAsync(Guid writeId)
    {
        if (at == CancelAt.AfterCommit)
        {
            await caller.CancelAsync();
        }
    }
}
