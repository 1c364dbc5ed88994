using TradeGrid.Grains.Abstractions.Cluster;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Cluster;

/// <summary>
/// The cluster's start-up data marker (see <see cref="IClusterSeedGrain"/>). Non-reentrant: claims are decided one at
/// a time, so two silos starting together never both load. State is stored with no caller token, as the ledger's is.
/// </summary>
public sealed class ClusterSeedGrain(
    [PersistentState("cluster-seed", StorageNames.Provider)] IPersistentState<ClusterSeedState> state,
    TimeProvider clock) : Grain, IClusterSeedGrain
{
    public async ValueTask<SeedClaim> Claim(string silo, TimeSpan lease, CancellationToken cancellationToken)
    {
        ClusterSeedState s = state.State;
        if (s.Seeded)
        {
            return new SeedClaim(true, false, s.Holder, s.Summary);
        }

        DateTimeOffset now = clock.GetUtcNow();
        if (s.Holder.Length > 0 && s.Holder != silo && s.LeaseUntil > now)
        {
            return new SeedClaim(false, false, s.Holder, string.Empty);
        }

        s.Holder = silo;
        s.LeaseUntil = now + lease;
        await state.WriteStateAsync(CancellationToken.None);
        return new SeedClaim(false, true, silo, string.Empty);
    }

    public async ValueTask MarkSeeded(string silo, string summary, CancellationToken cancellationToken)
    {
        if (state.State.Seeded)
        {
            return;
        }

        state.State.Seeded = true;
        state.State.Holder = silo;
        state.State.Summary = summary;
        await state.WriteStateAsync(CancellationToken.None);
    }
}
