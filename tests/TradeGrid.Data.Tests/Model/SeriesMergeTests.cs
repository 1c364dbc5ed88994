using TradeGrid.Data.Model;

namespace TradeGrid.Data.Tests.Model;

public sealed class SeriesMergeTests
{
    [Fact]
    public void New_years_are_inserted_in_order_and_existing_ones_overwritten()
    {
        int[] years = [2000, 2002];
        double[] values = [1, 3];
        byte[] flags = [1, 1];
        string[] sources = ["a", "a"];
        ObservationRow[] incoming =
        [
            new("CHN", "x", "", 2001, 2, Provenance.Interpolated, "b", 0),
            new("CHN", "x", "", 2002, 30, Provenance.Reported, "b", 0),
            new("CHN", "x", "", 1999, 0.5, Provenance.Reported, "a", 0),
        ];

        MergedSeries merged = SeriesMerge.Merge(years, values, flags, sources, incoming);

        Assert.Equal([1999, 2000, 2001, 2002], merged.Years);
        Assert.Equal([0.5, 1, 2, 30], merged.Values);
        Assert.Equal([(byte)1, (byte)1, (byte)3, (byte)1], merged.Provenance);
        Assert.Equal(3, merged.Changed);
        Assert.Equal([2000, 2002], years);
        Assert.Equal([1.0, 3.0], values);
    }

    [Fact]
    public void Matches_a_dictionary_merge_on_random_series_and_the_last_duplicate_wins()
    {
        var random = new Random(20261122);
        for (int trial = 0; trial < 200; trial++)
        {
            int[] years = Enumerable.Range(1950, 70).Where(_ => random.NextDouble() < 0.5).ToArray();
            double[] values = years.Select(_ => random.NextDouble()).ToArray();
            byte[] flags = years.Select(_ => (byte)1).ToArray();
            string[] sources = years.Select(_ => "old").ToArray();
            ObservationRow[] incoming = Enumerable.Range(0, random.Next(0, 40))
                .Select(i => new ObservationRow("X", "i", "", 1940 + random.Next(90), random.Next(3) == 0 ? 0.5 : random.NextDouble(), Provenance.Estimated, "new" + i, 0))
                .ToArray();
            // Independent reference: a dictionary written in order, so a later row for a year replaces an earlier one.
            var expected = new SortedDictionary<int, double>();
            for (int i = 0; i < years.Length; i++)
            {
                expected[years[i]] = values[i];
            }
            foreach (ObservationRow row in incoming)
            {
                expected[row.Year] = row.Value;
            }

            MergedSeries merged = SeriesMerge.Merge(years, values, flags, sources, incoming);

            Assert.Equal(expected.Keys, merged.Years);
            Assert.Equal(expected.Values, merged.Values);
        }
    }

    [Fact]
    public void Incoming_years_that_already_rise_merge_like_any_others()
    {
        var random = new Random(20261123);
        for (int trial = 0; trial < 100; trial++)
        {
            int[] years = Enumerable.Range(1950, 70).Where(_ => random.NextDouble() < 0.5).ToArray();
            double[] values = years.Select(_ => random.NextDouble()).ToArray();
            byte[] flags = years.Select(_ => (byte)1).ToArray();
            string[] sources = years.Select(_ => "old").ToArray();
            int[] inYears = Enumerable.Range(1940, 90).Where(_ => random.NextDouble() < 0.3).ToArray();
            double[] inValues = inYears.Select(_ => random.NextDouble()).ToArray();
            var expected = new SortedDictionary<int, (double Value, string Source)>();
            for (int i = 0; i < years.Length; i++)
            {
                expected[years[i]] = (values[i], "old");
            }
            for (int i = 0; i < inYears.Length; i++)
            {
                expected[inYears[i]] = (inValues[i], "new");
            }

            MergedSeries merged = SeriesMerge.Merge(years, values, flags, sources, inYears, inValues,
                inYears.Select(_ => (byte)Provenance.Estimated).ToArray(), inYears.Select(_ => "new").ToArray());

            Assert.Equal(expected.Keys, merged.Years);
            Assert.Equal(expected.Values.Select(v => v.Value), merged.Values);
            Assert.Equal(expected.Values.Select(v => v.Source), merged.Sources);
            Assert.Equal(inYears.Length, merged.Changed);
        }
    }
}
