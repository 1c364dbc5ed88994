using TradeGrid.Grains.Writes;

namespace TradeGrid.Grains.Tests.Writes;

/// <summary>The ledger's memory of decided writes: bounded, oldest forgotten first, a write remembered once.</summary>
public sealed class WriteLedgerStateTests
{
    [Fact]
    public void Remembers_the_last_decided_writes_and_forgets_the_oldest_first()
    {
        var state = new WriteLedgerState();
        Guid[] ids = Enumerable.Range(0, WriteLedgerState.RecentCapacity + 2).Select(_ => Guid.NewGuid()).ToArray();

        for (int i = 0; i < ids.Length; i++)
        {
            state.Remember(ids[i], i % 2 == 0 ? 0 : i);
        }

        Assert.Equal(WriteLedgerState.RecentCapacity, state.Recent.Count);
        Assert.Equal(WriteLedgerState.RecentCapacity, state.RecentOrder.Count);
        Assert.DoesNotContain(ids[0], state.Recent.Keys);
        Assert.DoesNotContain(ids[1], state.Recent.Keys);
        Assert.Equal(0, state.Recent[ids[2]]);
        Assert.Equal(ids.Length - 1, state.Recent[ids[^1]]);
        Assert.Equal(ids[2], state.RecentOrder[0]);
    }

    [Fact]
    public void A_write_remembered_twice_keeps_its_first_outcome_and_one_place()
    {
        var state = new WriteLedgerState();
        var id = Guid.NewGuid();

        state.Remember(id, 7);
        state.Remember(id, 0);

        Assert.Equal(7, state.Recent[id]);
        Assert.Single(state.RecentOrder);
    }
}
