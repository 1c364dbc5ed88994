using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Numerics.Absorption.Sweeps;

namespace TradeGrid.Grains.Tests.Estimation;

/// <summary>
/// An economy asked for a block it does not hold (its activation ended during a fit absorbed in the grains) answers
/// with <see cref="SweepSessionLostException"/>, which reaches the caller as that type across silos: the fit
/// coordinator runs such a fit again instead of failing it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SweepSessionTests(TwoSiloCluster cluster)
{
    [Fact]
    public async Task A_block_the_economy_does_not_hold_is_a_lost_session()
    {
        IEconomyEstimateGrain economy = cluster.Grains.EconomyEstimate("SWP0");

        SweepSessionLostException lost = await Assert.ThrowsAsync<SweepSessionLostException>(
            () => economy.Sweep("no-such-session", new SweepCommand(SweepOp.Compact)).AsTask());

        Assert.Contains("no-such-session", lost.Message, StringComparison.Ordinal);
        Assert.Contains("fit again", lost.Message, StringComparison.Ordinal);
    }
}
