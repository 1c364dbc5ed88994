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
}
