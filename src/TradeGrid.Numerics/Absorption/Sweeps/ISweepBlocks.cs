namespace TradeGrid.Numerics.Absorption.Sweeps;

/// <summary>
/// The economies of a fit whose rows stay where they are (<see cref="SweepFit"/>): one gather sends each block its
/// command and waits for every answer. The estimation coordinator implements it over the economy grains;
/// <see cref="LocalSweepBlocks"/> over blocks in this process.
/// </summary>
public interface ISweepBlocks
{
    /// <summary>
    /// Sends block b the command <paramref name="command"/>(b) (null: skip the block, its answer null) and gathers the
    /// answers, one per block in a fixed order (sums over them run in it).
    /// </summary>
    Task<SweepReply?[]> SendAsync(Func<int, SweepCommand?> command, CancellationToken cancellationToken);
}
