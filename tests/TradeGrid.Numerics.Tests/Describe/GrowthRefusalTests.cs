using TradeGrid.Domain;
using TradeGrid.Numerics.Describe;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Describe;

public sealed class GrowthRefusalTests
{
    private static readonly int[] Years = [2019, 2020, 2021, 2022];
    private static readonly double[] Values = [100.0, -5.0, double.NaN, 121.0];

    [Fact]
    public void Cagr_with_a_negative_endpoint_is_refused_naming_the_year()
    {
        InvalidSpecException ex = Assert.Throws<InvalidSpecException>(() => Growth.Period("CHN", Years, Values, 2020, 2022));

        Assert.Contains("CHN", ex.Message);
        Assert.Contains("2020", ex.Message);
    }

    [Fact]
    public void Cagr_with_a_zero_stated_level_is_refused_naming_the_year()
    {
        InvalidSpecException ex = Assert.Throws<InvalidSpecException>(() => Growth.Period("WLD", 2020, 4.59, 2024, 0.0));

        Assert.Contains("2024", ex.Message);
    }

    [Theory]
    [InlineData(2022, 2019)]
    [InlineData(2020, 2020)]
    public void From_not_before_to_is_refused(int from, int to)
    {
        InvalidSpecException ex = Assert.Throws<InvalidSpecException>(() => Growth.Period("CHN", Years, Values, from, to));

        Assert.Contains($"from ({from})", ex.Message);
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(2030)]
    public void An_endpoint_without_data_is_insufficient_data_naming_the_year(int to)
    {
        InsufficientDataException ex = Assert.Throws<InsufficientDataException>(() => Growth.Period("IND", Years, Values, 2019, to));

        Assert.Contains("IND", ex.Message);
        Assert.Contains(to.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
    }

    [Fact]
    public void Year_on_year_leaves_gaps_instead_of_refusing()
    {
        double[] yoy = Growth.YearOnYear([2019, 2020, 2022, 2023], [100.0, 110.0, 0.0, 5.0]);
        double[] log = Growth.YearOnYearLog([2019, 2020, 2022, 2023], [100.0, 110.0, 0.0, 5.0]);

        Assert.True(double.IsNaN(yoy[0]));
        AssertClose.Relative(10.0, yoy[1], 1e-12, "2020 on 2019");
        Assert.True(double.IsNaN(yoy[2]), "2021 is absent: no rate for 2022");
        Assert.True(double.IsNaN(yoy[3]), "a zero base has no rate");
        Assert.True(double.IsNaN(log[3]), "no logarithm of 0");
    }

    [Fact]
    public void An_empty_series_has_no_rates()
    {
        Assert.Empty(Growth.YearOnYear([], []));
        Assert.Empty(Growth.YearOnYearLog([], []));
    }

    [Fact]
    public void Years_out_of_order_or_misaligned_values_are_caller_bugs()
    {
        Assert.Throws<ArgumentException>(() => Growth.YearOnYear([2020, 2019], [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => Growth.YearOnYear([2019, 2020], [1.0]));
    }
}
