using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Tests.Writes;

/// <summary>What the <see cref="CommitGate"/> does to a write that reaches its commit point.</summary>
public enum GateMode
{
    /// <summary>Lets it commit.</summary>
    Open,

    /// <summary>Holds it until the caller's cancellation arrives: the cancellation lands before the commit point, whatever the timing.</summary>
    HoldUntilCancelled,

    /// <summary>Aborts it at the ledger first (as a lease that ran out would): the commit is refused.</summary>
    AbortAtLedger,

    /// <summary>Lets it commit, then holds it before the economies apply it until <see cref="CommitGate.Release"/>.</summary>
    HoldAfterCommit,
}

/// <summary>Write hooks a test sets, so the server's writes stop at the commit point in a chosen way.</summary>
public sealed class CommitGate : IWriteHooks
{
    public GateMode Mode { get; set; } = GateMode.Open;

    // Set by the fixture when the server creates its write hooks.
    public IGrainFactory Grains { get; set; } = null!;

    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<Guid> _committedId = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the write id when a write held by <see cref="GateMode.HoldAfterCommit"/> has committed.</summary>
    public Task<Guid> Committed => _committedId.Task;

    /// <summary>Lets the writes held after their commit go on, and readies the gate for the next such hold.</summary>
    public void Release()
    {
        TaskCompletionSource released = _released;
        _committedId = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
    }

    public async ValueTask BeforeCommitAsync(Guid writeId, CancellationToken cancellationToken)
    {
        switch (Mode)
        {
            case GateMode.HoldUntilCancelled:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
            case GateMode.AbortAtLedger:
                await Grains.WriteLedger().Abort(writeId);
                break;
        }
    }

    public async ValueTask AfterCommitAsync(Guid writeId)
    {
        if (Mode == GateMode.HoldAfterCommit)
        {
            Task released = _released.Task;
            _committedId.TrySetResult(writeId);
            await released;
        }
    }
}
