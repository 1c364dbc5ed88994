using System.Globalization;
using System.Text;
using TradeGrid.Data.Csv;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Describe;
using TradeGrid.Grains.Abstractions.Forecasting;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Describe;
using TradeGrid.Grains.Tests.Support;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Grains.Tests.Writes;

/// <summary>
/// Randomised interleavings (seeded) of imports, stored forecasts and stored fills, run concurrently on a two-silo
/// cluster, each cancelled at a protocol point or by a short random deadline or not at all. Whatever the timing, after
/// every round: no write is partial, every acknowledged write that no later commit overwrote is visible everywhere,
/// the economies agree on their data versions, nothing is left staged and the ledger holds nothing; at the end an
/// import touching every economy succeeds and shows everywhere.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WriteStressTests(TwoSiloCluster cluster)
{
    private const int Rounds = 200;
    private const int Seed = 20261202;
    private static readonly string[] Economies = Enumerable.Range(0, 5).Select(i => $"WS{i}").ToArray();

    private enum Kind
    {
        Import,
        Forecast,
        Fill,
    }

    private sealed record Outcome(Kind Kind, int Id, WriteReceipt? Receipt);

    [Fact]
    public async Task Concurrent_cancelled_and_conflicting_writes_are_never_partial_lost_or_stuck()
    {
        await SetUpAsync();
        var random = new Random(Seed);
        int mustCommit = 0;

        for (int round = 0; round < Rounds; round++)
        {
            long[] before = await VersionsAsync();
            int ops = random.Next(2, 5);
            var plans = Enumerable.Range(0, ops).Select(i => (Kind: (Kind)random.Next(3), Id: round * 10 + i, Cancel: random.Next(5), DelayMs: random.Next(0, 4))).ToArray();

            Outcome[] outcomes = await Task.WhenAll(plans.Select(p => RunAsync(p.Kind, p.Id, round, p.Cancel, p.DelayMs)));

            // Where the cancellation lands is fixed by the plan, except for the random deadline (4): cancelled before
            // the commit point → nothing; never cancelled or only after it → committed (fills may be refused by data).
            for (int k = 0; k < plans.Length; k++)
            {
                if (plans[k].Cancel is 1 or 2)
                {
                    Assert.True(outcomes[k].Receipt is null, $"round {round}: {plans[k].Kind} {plans[k].Id} cancelled before its commit point committed");
                }
                else if (plans[k].Cancel is 0 or 3 && plans[k].Kind != Kind.Fill)
                {
                    Assert.True(outcomes[k].Receipt is not null, $"round {round}: {plans[k].Kind} {plans[k].Id} (cancel {plans[k].Cancel}) did not commit");
                    mustCommit++;
                }
            }

            // No partial write: imports and forecasts stage rows in every economy, so a committed one wrote all of
            // them. (A fill stages where its computation found gaps, which a concurrent import may change.)
            foreach (Outcome o in outcomes.Where(o => o.Kind != Kind.Fill && o.Receipt is not null))
            {
                Assert.True(o.Receipt!.Versions.Count == Economies.Length, $"round {round}: {o.Kind} {o.Id} wrote {o.Receipt.Versions.Count} of {Economies.Length}");
            }
            // No lost or invented write: each economy's version moved once per committed write that says it touched it.
            long[] after = await VersionsAsync();
            Assert.Equal(before.Select((v, i) => v + outcomes.Count(o => o.Receipt?.Versions.ContainsKey(Economies[i]) == true)), after);

            // Imports of this round wrote one cell each: every economy shows the committed one with the highest sequence, or none.
            Outcome? latest = outcomes.Where(o => o.Kind == Kind.Import && o.Receipt is not null).MaxBy(o => o.Receipt!.Sequence);
            double?[] cells = await Task.WhenAll(Economies.Select(e => ValueAsync(e, "ws_v", 1800 + round)));
            Assert.All(cells, v => Assert.Equal(latest?.Id, v is null ? null : (int)v.Value));

            // Not stuck: nothing staged, nothing pending at the ledger.
            Guid[][] staged = await Task.WhenAll(Economies.Select(e => cluster.Grains.EconomyWrites(e).GetStaged().AsTask()));
            Assert.All(staged, Assert.Empty);
            WriteLedgerCounts pending = await cluster.Grains.WriteLedger().GetPending();
            Assert.Equal((0, 0), (pending.Preparing, pending.Unacknowledged));
        }

        ImportSummary final = await new DatasetWriter(cluster.Grains).ImportAsync(Csv(Economies.Select(e => (e, "ws_final", 2000, 7.0))), false, CancellationToken.None);
        Assert.Equal(Economies.Length, final.Versions.Count);
        Assert.All(await Task.WhenAll(Economies.Select(e => ValueAsync(e, "ws_final", 2000))), v => Assert.Equal(7.0, v));
        // The seeded plan, not the machine's speed, decides this: enough writes had to commit for the checks to bite.
        Assert.True(mustCommit > Rounds / 2, $"the seed planned only {mustCommit} writes that must commit in {Rounds} rounds");
    }

    /// <summary>
    /// One operation. Cancel: 0 never, 1 before it starts, 2 at the commit point's near side, 3 just after it, 4 after
    /// a random few milliseconds (lands anywhere; the assertions hold wherever).
    /// </summary>
    private async Task<Outcome> RunAsync(Kind kind, int id, int round, int cancel, int delayMs)
    {
        using var caller = new CancellationTokenSource();
        var writes = new WriteCoordinator(cluster.Grains, new CancellingHooks(caller, cancel switch
        {
            2 => CancelAt.BeforeCommit,
            3 => CancelAt.AfterCommit,
            _ => CancelAt.Never,
        }));
        if (cancel == 1)
        {
            await caller.CancelAsync();
        }
        else if (cancel == 4)
        {
            caller.CancelAfter(delayMs);
        }
        try
        {
            WriteReceipt receipt = kind switch
            {
                Kind.Import => await ImportAsync(writes, id, round, caller.Token),
                Kind.Forecast => await ForecastAsync(writes, caller.Token),
                _ => await FillAsync(writes, caller.Token),
            };
            return new Outcome(kind, id, receipt);
        }
        catch (OperationCanceledException)
        {
            return new Outcome(kind, id, null);
        }
        catch (TradeGridException) when (kind == Kind.Fill)
        {
            // A fill refused by the data (a gap it cannot fill): nothing written either.
            return new Outcome(kind, id, null);
        }
    }

    private async Task<WriteReceipt> ImportAsync(WriteCoordinator writes, int id, int round, CancellationToken cancellationToken)
    {
        // One cell per round, conflicting with the round's other imports, and a gap for the fills to fill.
        // Years inside the importable 1800–2200: ws_v one a round, ws_g two a round with the gap year between them.
        var rows = Economies.SelectMany(e => new[] { (e, "ws_v", 1800 + round, (double)id), (e, "ws_g", 1800 + 2 * round, 1.0 + id), (e, "ws_g", 1802 + 2 * round, 2.0 + id) });
        ImportSummary summary = await new DatasetWriter(cluster.Grains, writes).ImportAsync(Csv(rows), false, cancellationToken);
        return new WriteReceipt(summary.WriteId, summary.Sequence, summary.Versions);
    }

    private Task<WriteReceipt> ForecastAsync(WriteCoordinator writes, CancellationToken cancellationToken)
    {
        var spec = new ForecastSpec("ws_f", string.Empty, "drift", 2, [80.0], 0, 0, false, Store: true);
        return writes.StageAndCommitAsync(Economies, async writeId =>
        {
            SeriesForecastRecord[] forecasts = await Task.WhenAll(Economies.Select(e =>
                cluster.Grains.EconomyForecast(e).Forecast(spec with { WriteId = writeId }, cancellationToken).AsTask()));
            return Economies.Where((_, i) => forecasts[i].Stored > 0).ToArray();
        }, cancellationToken);
    }

    private async Task<WriteReceipt> FillAsync(WriteCoordinator writes, CancellationToken cancellationToken)
    {
        var spec = new FillSpec("ws_g", string.Empty, FillKind.Linear, FillEnds.None, 0, 0);
        IReadOnlyList<(string Economy, FillRecord Fill)> filled = await new DescribeCoordinator(cluster.Grains, writes).FillAsync(Economies, spec, dryRun: false, cancellationToken);
        return new WriteReceipt(Guid.Empty, 0, filled.Where(f => f.Fill.FilledCount > 0).ToDictionary(f => f.Economy, f => f.Fill.Version));
    }

    private async Task SetUpAsync()
    {
        EconomyRecord[] records = Economies.Select(EconomyRecord.Bare).ToArray();
        await cluster.Grains.Catalog().AddEconomies(records);
        foreach (EconomyRecord r in records)
        {
            await cluster.Grains.Economy(r.Code).Register(r);
        }
        // Ten years of a series to forecast (drift stores two points after 2009 every time).
        await new DatasetWriter(cluster.Grains).ImportAsync(
            Csv(Economies.SelectMany((e, k) => Enumerable.Range(2000, 10).Select(y => (e, "ws_f", y, 100.0 + k + y - 2000)))), false, CancellationToken.None);
    }

    private async Task<long[]> VersionsAsync() =>
        await Task.WhenAll(Economies.Select(e => cluster.Grains.Economy(e).GetVersion().AsTask()));

    private async Task<double?> ValueAsync(string economy, string indicator, int year) =>
        (await cluster.Grains.Economy(economy).GetSeries(indicator, string.Empty, year, year)) is { Values.Length: 1 } s ? s.Values[0] : null;

    private static ParsedImport Csv(IEnumerable<(string Economy, string Indicator, int Year, double Value)> rows)
    {
        var csv = new StringBuilder("economy,indicator,year,value\n");
        foreach ((string economy, string indicator, int year, double value) in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{economy},{indicator},{year},{value}\n");
        }
        return CsvImport.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), ImportFormat.Detect, new ImportOptions { FileName = "stress.csv", DefaultSource = "stress" });
    }
}
