namespace TradeGrid.Grains.Abstractions.Cluster;

/// <summary>
/// The start-up data's marker, one per cluster (key <see cref="DefaultKey"/>), with durable state: the first silo
/// to start claims the load, loads, and marks the cluster seeded; a silo that joins later finds it seeded and writes
/// nothing, so imports made since are never overwritten by the start-up files.
/// </summary>
[Alias("TradeGrid.IClusterSeedGrain")]
public interface IClusterSeedGrain : IGrainWithStringKey
{
    const string DefaultKey = "seed";

    /// <summary>
    /// Asks to load the start-up data. Granted to one silo at a time for <paramref name="lease"/>; a claim whose
    /// holder did not mark the cluster seeded within its lease (the silo died while loading) passes to the next asker.
    /// </summary>
    [Alias("Claim")]
    ValueTask<SeedClaim> Claim(string silo, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Records that the holder's load finished: from now on every claim answers seeded, with this summary.</summary>
    [Alias("MarkSeeded")]
    ValueTask MarkSeeded(string silo, string summary, CancellationToken cancellationToken = default);
}
