using TradeGrid.Data.Model;

namespace TradeGrid.Data.Tests.Model;

public sealed class ObservationRowListTests
{
    [Fact]
    public void Holds_rows_across_chunks_in_order_like_a_list()
    {
        var expected = new List<ObservationRow>();
        var rows = new ObservationRowList();
        for (int i = 0; i < 40_000; i++)
        {
            var row = new ObservationRow("E" + (i % 7), "x", "", 1950 + (i % 70), i * 0.5, Provenance.Reported, "s", i + 2);
            expected.Add(row);
            rows.Add(row);
        }

        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected[16_383], rows[16_383]);
        Assert.Equal(expected[16_384], rows[16_384]);
        Assert.Equal(expected, rows);
        Assert.Throws<ArgumentOutOfRangeException>(() => rows[rows.Count]);
    }
}
