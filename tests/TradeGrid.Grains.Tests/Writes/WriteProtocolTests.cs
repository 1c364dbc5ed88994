using Orleans.Concurrency;
using TradeGrid.Data.Model;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Grains.Tests.Writes;

/// <summary>The atomic write protocol on a two-silo cluster: the commit point decides, readers never see half a write.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WriteProtocolTests(TwoSiloCluster cluster)
{
    private IWriteLedgerGrain Ledger => cluster.Grains.WriteLedger();

    private async Task<string[]> RegisterAsync(string prefix, int count)
    {
        string[] codes = Enumerable.Range(0, count).Select(i => $"{prefix}{i}").ToArray();
        foreach (string code in codes)
        {
            await cluster.Grains.Economy(code).Register(EconomyRecord.Bare(code));
        }
        return codes;
    }

    private static Dictionary<string, ObservationBatch> Rows(string[] economies, string indicator, int year, double value) =>
        economies.ToDictionary(e => e, e => ObservationBatch.From([new ObservationRow(e, indicator, string.Empty, year, value, Provenance.Reported, "test", 0)]));

    private async Task<double?> ValueAsync(string economy, string indicator, int year) =>
        (await cluster.Grains.Economy(economy).GetSeries(indicator, string.Empty, year, year)) is { Values.Length: 1 } s ? s.Values[0] : null;

    private async Task<long[]> VersionsAsync(string[] economies) =>
        await Task.WhenAll(economies.Select(e => cluster.Grains.Economy(e).GetVersion().AsTask()));

    [Fact]
    public async Task A_cancellation_before_the_commit_point_writes_nothing_anywhere()
    {
        string[] economies = await RegisterAsync("WPA", 6);
        long[] before = await VersionsAsync(economies);
        using var caller = new CancellationTokenSource();
        var writes = new WriteCoordinator(cluster.Grains, new CancellingHooks(caller, CancelAt.BeforeCommit));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writes.WriteAsync(Rows(economies, "wp_a", 2000, 1.0), caller.Token));

        Assert.Equal(before, await VersionsAsync(economies));
        Assert.All(await Task.WhenAll(economies.Select(e => ValueAsync(e, "wp_a", 2000))), Assert.Null);
        Assert.All(await Task.WhenAll(economies.Select(e => cluster.Grains.EconomyWrites(e).GetStaged().AsTask())), Assert.Empty);
    }

    [Fact]
    public async Task A_cancellation_after_the_commit_point_still_writes_everywhere()
    {
        string[] economies = await RegisterAsync("WPB", 6);
        long[] before = await VersionsAsync(economies);
        using var caller = new CancellationTokenSource();
        var writes = new WriteCoordinator(cluster.Grains, new CancellingHooks(caller, CancelAt.AfterCommit));

        WriteReceipt receipt = await writes.WriteAsync(Rows(economies, "wp_b", 2000, 2.0), caller.Token);

        Assert.True(caller.IsCancellationRequested);
        Assert.Equal(economies.Order(), receipt.Versions.Keys.Order());
        Assert.Equal(before.Select(v => v + 1), await VersionsAsync(economies));
        Assert.All(await Task.WhenAll(economies.Select(e => ValueAsync(e, "wp_b", 2000))), v => Assert.Equal(2.0, v));
    }

    [Fact]
    public async Task Staged_rows_are_invisible_until_the_commit_then_every_reader_applies_them()
    {
        // The coordinator stops after the commit point (as if its process died): the economies apply the write
        // themselves when next called, because they ask the ledger about the rows they hold.
        string[] economies = await RegisterAsync("WPC", 4);
        long[] before = await VersionsAsync(economies);
        var writeId = Guid.NewGuid();
        await Ledger.Begin(writeId);
        foreach ((string economy, ObservationBatch rows) in Rows(economies, "wp_c", 2000, 3.0))
        {
            await cluster.Grains.EconomyWrites(economy).Stage(writeId, new Immutable<ObservationBatch>(rows));
        }

        double?[] whileUndecided = await Task.WhenAll(economies.Select(e => ValueAsync(e, "wp_c", 2000)));
        long[] versionsWhileUndecided = await VersionsAsync(economies);
        long sequence = await Ledger.Commit(writeId, economies);
        double?[] afterCommit = await Task.WhenAll(economies.Select(e => ValueAsync(e, "wp_c", 2000)));

        Assert.All(whileUndecided, Assert.Null);
        Assert.Equal(before, versionsWhileUndecided);
        Assert.All(afterCommit, v => Assert.Equal(3.0, v));
        Assert.Equal(before.Select(v => v + 1), await VersionsAsync(economies));
        Assert.DoesNotContain(writeId, (await Task.WhenAll(economies.Select(e => cluster.Grains.EconomyWrites(e).GetStaged().AsTask()))).SelectMany(s => s));
        // Every economy acknowledged: pruned from the committed set, and remembered as committed for a caller who asks.
        Assert.Equal(new WriteStatus(WriteDecision.Committed, sequence), (await Ledger.GetStatuses([writeId]))[0]);
        Assert.Equal(new WriteStatus(WriteDecision.Committed, sequence), await Ledger.Find(writeId));
        Assert.Null(await Ledger.Find(Guid.NewGuid()));
    }

    [Fact]
    public async Task Rows_of_a_write_aborted_at_the_ledger_are_discarded_by_the_next_reader()
    {
        string[] economies = await RegisterAsync("WPD", 3);
        long[] before = await VersionsAsync(economies);
        var writeId = Guid.NewGuid();
        await Ledger.Begin(writeId);
        foreach ((string economy, ObservationBatch rows) in Rows(economies, "wp_d", 2000, 4.0))
        {
            await cluster.Grains.EconomyWrites(economy).Stage(writeId, new Immutable<ObservationBatch>(rows));
        }

        await Ledger.Abort(writeId);
        double?[] values = await Task.WhenAll(economies.Select(e => ValueAsync(e, "wp_d", 2000)));

        Assert.All(values, Assert.Null);
        Assert.Equal(before, await VersionsAsync(economies));
        Assert.All(await Task.WhenAll(economies.Select(e => cluster.Grains.EconomyWrites(e).GetStaged().AsTask())), Assert.Empty);
        await Assert.ThrowsAsync<WriteAbortedException>(() => Ledger.Commit(writeId, economies).AsTask());
    }

    [Fact]
    public async Task Two_conflicting_writes_end_with_every_economy_showing_the_later_commit()
    {
        // Both are staged everywhere before either commits; B commits first, A second, and A's apply reaches the
        // economies in the opposite order to B's: still every economy shows A, never a mix.
        string[] economies = await RegisterAsync("WPE", 6);
        var writes = new WriteCoordinator(cluster.Grains);
        Guid a = await writes.BeginAsync(CancellationToken.None);
        Guid b = await writes.BeginAsync(CancellationToken.None);
        foreach (string economy in economies)
        {
            IEconomyWriteGrain grain = cluster.Grains.EconomyWrites(economy);
            await grain.Stage(b, new Immutable<ObservationBatch>(Rows([economy], "wp_e", 2000, 20.0)[economy]));
            await grain.Stage(a, new Immutable<ObservationBatch>(Rows([economy], "wp_e", 2000, 10.0)[economy]));
        }

        WriteReceipt first = await writes.CommitAsync(b, economies, CancellationToken.None);
        WriteReceipt second = await writes.CommitAsync(a, [.. economies.Reverse()], CancellationToken.None);

        Assert.True(second.Sequence > first.Sequence);
        Assert.All(await Task.WhenAll(economies.Select(e => ValueAsync(e, "wp_e", 2000))), v => Assert.Equal(10.0, v));
    }
}
