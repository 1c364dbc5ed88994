namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary><see cref="ISweepBlocks"/> over blocks held in this process (tests, and a fit split by economy without a cluster).</summary>
public sealed class LocalSweepBlocks(IReadOnlyList<SweepBlock> blocks) : ISweepBlocks
{
    public Task<SweepReply?[]> SendAsync(Func<int, SweepCommand?> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var replies = new SweepReply?[blocks.Count];
        for (int b = 0; b < blocks.Count; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            replies[b] = command(b) is { } c ? blocks[b].Execute(c) : null;
        }

        return Task.FromResult(replies);
    }
}
