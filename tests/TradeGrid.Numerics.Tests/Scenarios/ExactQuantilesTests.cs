using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Numerics.Tests.Scenarios;

/// <summary>Selection-based type-7 quantiles against the definition on a fully sorted copy (R's quantile(type = 7)).</summary>
public sealed class ExactQuantilesTests
{
    private static readonly double[] Probabilities = [0.001, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.999];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(10_001)]
    public void Selection_equals_sorting(int n)
    {
        var random = new Random(n);
        // Ties and runs too: values on a coarse grid.
        double[] values = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 50) / 10).ToArray();
        AssertSortedDefinition(values, ExactQuantiles.Type7InPlace(values.ToArray(), Probabilities));
    }

    /// <summary>From 1,024 values the ranks are counted in buckets: every shape of sample gives the sorted definition bit for bit.</summary>
    [Theory]
    [InlineData("lognormal", 10_000)]
    [InlineData("lognormal", 65_536)]
    [InlineData("negative", 4_099)]
    [InlineData("outlier", 10_000)]
    [InlineData("ulps", 2_000)]
    [InlineData("infinite", 3_000)]
    [InlineData("two values", 1_024)]
    public void Counting_in_buckets_equals_sorting(string shape, int n)
    {
        var random = new Random(n);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double[] values = Enumerable.Range(0, n).Select(i => shape switch
        {
            "lognormal" => Math.Exp(12 + 0.8 * Normal()),
            "negative" => -3.0 + Normal(),
            "outlier" => i == 17 ? 1e300 : Normal(),
            "ulps" => 1.0 + random.Next(5) * Math.BitIncrement(1.0) - 1.0 + 1.0,
            "infinite" => i % 1000 == 3 ? double.PositiveInfinity : Normal(),
            _ => i % 3 == 0 ? 1.5 : -0.5,
        }).ToArray();
        AssertSortedDefinition(values, ExactQuantiles.Type7InPlace(values.ToArray(), Probabilities));
    }

    /// <summary>Type 7 on a fully sorted copy, compared bit for bit.</summary>
    private static void AssertSortedDefinition(double[] values, double[] q)
    {
        int n = values.Length;
        double[] sorted = values.Order().ToArray();
        for (int i = 0; i < Probabilities.Length; i++)
        {
            double h = (n - 1) * Probabilities[i];
            int lo = (int)Math.Floor(h);
            double expected = sorted[lo] + (h - lo) * (sorted[Math.Min(lo + 1, n - 1)] - sorted[lo]);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(q[i]));
        }
    }

    [Fact]
    public void A_column_of_equal_values_gives_that_value_and_one_odd_value_only_its_tail()
    {
        // The difference of a year no shock reaches: every path 0.
        Assert.All(ExactQuantiles.Type7InPlace(new double[40_000], Probabilities), q => Assert.Equal(0.0, q));

        double[] values = Enumerable.Repeat(2.5, 40_000).ToArray();
        values[123] = 7.0;
        double[] q = ExactQuantiles.Type7InPlace(values, [0.5, 0.999, 1.0]);
        Assert.Equal([2.5, 2.5, 7.0], q);
    }

    [Fact]
    public void Missing_values_are_left_out()
    {
        double[] q = ExactQuantiles.Type7InPlace([double.NaN, 3, 1, double.NaN, 2], [0.5, 1e-9]);
        Assert.Equal(2.0, q[0]);
        Assert.Equal(1.0, q[1], 1e-8);
    }
}
