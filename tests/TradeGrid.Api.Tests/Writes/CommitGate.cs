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
}

/// <summary>Write hooks a test sets, so the server's writes stop at the commit point in a chosen way.</summary>
public sealed class CommitGate : IWriteHooks
{
    public GateMode Mode { get; set; } = GateMode.Open;

    // Set by the fixture when the server creates its write hooks.
    public IGrainFactory Grains { get; set; } = null!;

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

    public ValueTask AfterCommitAsync(Guid writeId) => ValueTask.CompletedTask;
}
