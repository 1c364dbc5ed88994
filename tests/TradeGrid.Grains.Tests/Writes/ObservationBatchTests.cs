using TradeGrid.Data.Model;
using TradeGrid.Grains.Abstractions.Writes;

namespace TradeGrid.Grains.Tests.Writes;

public sealed class ObservationBatchTests
{
    [Fact]
    public void Rows_split_by_economy_keep_their_order_within_each_economy()
    {
        var random = new Random(5);
        string[] economies = ["AAA", "BBB", "CCC", "DDD"];
        // Two parts (two files), economies in runs and interleaved, codes as distinct string objects per part.
        IReadOnlyList<ObservationRow>[] parts = Enumerable.Range(0, 2).Select(part => (IReadOnlyList<ObservationRow>)Enumerable.Range(0, 500)
            .Select(i => new ObservationRow(new string(economies[(i / random.Next(1, 20)) % economies.Length]), "x" + (i % 3), "",
                1950 + i % 70, part * 1000 + i, Provenance.Reported, "s" + part, i))
            .ToList()).ToArray();

        Dictionary<string, ObservationBatch> batches = ObservationBatch.ByEconomy(parts);

        var expected = parts.SelectMany(p => p).GroupBy(r => r.Economy).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(expected.Keys.Order(), batches.Keys.Order());
        foreach ((string economy, List<ObservationRow> rows) in expected)
        {
            ObservationBatch batch = batches[economy];
            Assert.Equal(rows.Select(r => r.Value), batch.Values);
            Assert.Equal(rows.Select(r => r.Year), batch.Years);
            Assert.Equal(rows.Select(r => r.Indicator), batch.Indicators);
            Assert.Equal(rows.Select(r => r.Source), batch.Sources);
        }
    }
}
