using TradeGrid.Grains.Estimation;
using TradeGrid.Numerics.Absorption.Sweeps;
using TradeGrid.Grains.Tests.Support;

namespace TradeGrid.Grains.Tests.Estimation;

/// <summary>
/// An economy's in-grain blocks: a block its coordinator never releases (the coordinator's silo lost mid-fit) is
/// dropped once idle past the limit, and a block in use is kept however long its fit runs. The clock is the test's.
/// </summary>
public sealed class SweepSessionsTests
{
    [Fact]
    public void An_idle_block_is_dropped_and_a_used_one_kept()
    {
        var clock = new ManualClock();
        var sessions = new SweepSessions(clock);
        sessions.Add("abandoned", Block());
        sessions.Add("running", Block());

        for (int minute = 0; minute < 12; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.True(sessions.TryGet("running", out _));
            sessions.DropIdle();
        }

        Assert.False(sessions.TryGet("abandoned", out _));
        Assert.True(sessions.TryGet("running", out SweepBlock? kept));
        Assert.NotNull(kept);
        Assert.Equal(1, sessions.Count);
    }

    [Fact]
    public void A_block_is_kept_up_to_the_limit_and_a_new_one_clears_the_stale()
    {
        var clock = new ManualClock();
        var sessions = new SweepSessions(clock);
        sessions.Add("old", Block());

        clock.Advance(SweepSessions.IdleLimit);
        Assert.Equal(0, sessions.DropIdle());

        clock.Advance(TimeSpan.FromSeconds(1));
        sessions.Add("new", Block());

        Assert.False(sessions.TryGet("old", out _));
        Assert.Equal(1, sessions.Count);
    }

    [Fact]
    public void A_released_block_is_gone()
    {
        var sessions = new SweepSessions(new ManualClock());
        sessions.Add("fit", Block());

        sessions.Remove("fit");

        Assert.False(sessions.TryGet("fit", out _));
        Assert.Equal(0, sessions.Count);
    }

    private static SweepBlock Block() =>
        new([1.0, 2.0], [[0.5, 0.7]], [[0, 1]], 0, [], row => $"row {row}");
}
