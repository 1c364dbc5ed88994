using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TradeGrid.Data.Model;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Economy;

namespace TradeGrid.Grains.Tests.Economy;

public sealed class EconomyStateConverterTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(EconomyState).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static SeriesRecord RandomSeries(Random random, string indicator, string partner)
    {
        int[] years = Enumerable.Range(1950, 70).Where(_ => random.NextDouble() < 0.6).ToArray();
        string[] sources = years.Select(y => y < 1990 ? "old source" : random.Next(3) == 0 ? "revised" : "new source").ToArray();
        (string[] names, int[] starts) = SourceRuns.Compress(sources);
        return new SeriesRecord(indicator, partner, years, years.Select(_ => random.NextDouble() * 1e6 - 5e5).ToArray(),
            years.Select(_ => (byte)random.Next(1, 7)).ToArray(), names, starts, random.Next(1, 100));
    }

    [Fact]
    public void A_state_reads_back_from_storage_series_by_series()
    {
        var random = new Random(3);
        var state = new EconomyState { Economy = EconomyRecord.Bare("CONV"), Version = 42 };
        for (int i = 0; i < 30; i++)
        {
            SeriesRecord s = RandomSeries(random, "ind" + i, i % 4 == 0 ? "P" + i : string.Empty);
            state.Series[SeriesRecord.Key(s.Indicator, s.Partner)] = s;
        }
        state.Series["empty"] = SeriesRecord.Empty("empty", string.Empty);

        EconomyState back = Serializer.Deserialize<EconomyState>(Serializer.SerializeToArray(state))!;

        Assert.Equal(state.Economy, back.Economy);
        Assert.Equal(state.Version, back.Version);
        Assert.Equal(state.Series.Keys.Order(), back.Series.Keys.Order());
        foreach ((string key, SeriesRecord expected) in state.Series)
        {
            SeriesRecord actual = back.Series[key];
            Assert.Equal((expected.Indicator, expected.Partner, expected.Version), (actual.Indicator, actual.Partner, actual.Version));
            Assert.Equal(expected.Years, actual.Years);
            Assert.Equal(expected.Values, actual.Values);
            Assert.Equal(expected.Provenance, actual.Provenance);
            Assert.Equal(Enumerable.Range(0, expected.Years.Length).Select(expected.SourceAt), Enumerable.Range(0, actual.Years.Length).Select(actual.SourceAt));
        }
    }
}
