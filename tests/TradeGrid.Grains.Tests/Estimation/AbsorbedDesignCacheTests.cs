using TradeGrid.Grains.Estimation;
using TradeGrid.Numerics.Absorption;
using TradeGrid.Grains.Tests.Support;

namespace TradeGrid.Grains.Tests.Estimation;

/// <summary>
/// The process's kept absorbed OLS designs: at most two, the least recently used going first, and none kept once
/// unused past the idle limit while one in use stays. The clock is the test's.
/// </summary>
public sealed class AbsorbedDesignCacheTests
{
    [Fact]
    public void The_least_recently_used_design_goes_first_and_an_idle_one_is_dropped()
    {
        var clock = new ManualClock();
        var cache = new AbsorbedDesignCache(clock);
        AbsorbedDesignEntry a = Entry(), b = Entry(), c = Entry();
        cache.Add("a", a);
        cache.Add("b", b);
        Assert.True(cache.TryGet("a", out _));
        cache.Add("c", c);

        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out AbsorbedDesignEntry? kept));
        Assert.Same(a, kept);

        for (int minute = 0; minute < 12; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.True(cache.TryGet("c", out _));
        }

        Assert.Equal(0, cache.DropIdle());
        Assert.Equal(1, cache.Count);
        Assert.False(cache.TryGet("a", out _));
        clock.Advance(AbsorbedDesignCache.IdleLimit + TimeSpan.FromSeconds(1));
        Assert.Equal(1, cache.DropIdle());
        Assert.Equal(0, cache.Count);
    }

    private static AbsorbedDesignEntry Entry()
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8];
        double[] y = [1.1, 1.9, 3.2, 3.9, 5.1, 6.2, 6.8, 8.1];
        int[] group = [0, 0, 0, 0, 1, 1, 1, 1];
        AbsorbedOlsDesign design = AbsorbedOls.Prepare(y, [x], ["x"], [new EffectDimension("g", group)], new AbsorbedOptions(TradeGrid.Numerics.Regression.CovarianceKind.Hc1));
        return new AbsorbedDesignEntry(design, row => row.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
