using TradeGrid.Domain;
using TradeGrid.Numerics.Extrapolation;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Extrapolation;

/// <summary>The scaling arithmetic against a case computed by hand (worked out in the comments).</summary>
public sealed class WorldScalingTests
{
    // Three covered economies: A and B reported, C estimated from a 2-coefficient model.
    //   D = 100 + 50 + 30 = 180; GDP 400 + 300 + 100 = 800 of 1000 → 0.8; trade 60 + 30 + 10 = 100 of 200 → 0.5.
    //   s = (0.8 + 0.5) / 2 = 0.65; world = 180 / 0.65 = 276.923076923...
    //   g = (2, 3), V = [[1, 0.5], [0.5, 2]] → g'Vg = 4 + 6 + 18 = 28; plus v_C = 8 → Var(D) = 36, sd(D) = 6;
    //   se(world) = 6 / 0.65 = 9.230769230769...; 95%: ± 1.959963984540054 · se.
    private static readonly CoveredValue[] Covered =
    [
        new("A", 100.0, 400.0, 60.0),
        new("B", 50.0, 300.0, 30.0),
        new("C", 30.0, 100.0, 10.0, [2.0, 3.0], 8.0),
    ];

    private static readonly double[] Covariance = [1.0, 0.5, 0.5, 2.0];

    [Fact]
    public void The_mean_of_the_GDP_and_trade_shares_scales_the_covered_total()
    {
        WorldEstimate w = WorldScaling.Scale(Covered, 1000.0, 200.0, Covariance, ScalingVariant.Mean, 0.95);
        AssertClose.Relative(0.8, w.GdpShare, 1e-15, "GDP share");
        AssertClose.Relative(0.5, w.TradeShare, 1e-15, "trade share");
        AssertClose.Relative(0.65, w.Share, 1e-15, "s");
        AssertClose.Relative(150.0, w.ReportedTotal, 1e-15, "reported");
        AssertClose.Relative(30.0, w.EstimatedTotal, 1e-15, "estimated");
        AssertClose.Relative(180.0 / 0.65, w.World, 1e-14, "world");
        AssertClose.Relative(6.0 / 0.65, w.StandardError, 1e-14, "se");
        AssertClose.Relative(180.0 / 0.65 - 1.959963984540054 * 6.0 / 0.65, w.Lower, 1e-12, "lower");
        AssertClose.Relative(180.0 / 0.65 + 1.959963984540054 * 6.0 / 0.65, w.Upper, 1e-12, "upper");
        Assert.Equal((2, 1), (w.Reported, w.Estimated));
    }

    [Theory]
    [InlineData(ScalingVariant.Gdp, 0.8)]
    [InlineData(ScalingVariant.Trade, 0.5)]
    public void The_single_share_variants_divide_by_their_share(ScalingVariant variant, double share)
    {
        WorldEstimate w = WorldScaling.Scale(Covered, 1000.0, 200.0, Covariance, variant, 0.9);
        AssertClose.Relative(share, w.Share, 1e-15, "s");
        AssertClose.Relative(180.0 / share, w.World, 1e-14, "world");
        AssertClose.Relative(6.0 / share, w.StandardError, 1e-14, "se");
    }

    [Fact]
    public void Reported_values_alone_have_no_uncertainty()
    {
        WorldEstimate w = WorldScaling.Scale(Covered[..2], 1000.0, 200.0, null, ScalingVariant.Mean, 0.95);
        Assert.Equal(0.0, w.StandardError);
        Assert.Equal(w.World, w.Lower);
    }

    [Fact]
    public void A_missing_world_total_or_a_bad_level_is_refused()
    {
        Assert.Throws<InsufficientDataException>(() => WorldScaling.Scale(Covered, 0.0, 200.0, Covariance, ScalingVariant.Mean, 0.95));
        Assert.Throws<InvalidSpecException>(() => WorldScaling.Scale(Covered, 1000.0, 200.0, Covariance, ScalingVariant.Mean, 1.5));
        Assert.Throws<InsufficientDataException>(() => WorldScaling.Scale([], 1000.0, 200.0, Covariance, ScalingVariant.Mean, 0.95));
    }
}
