using TradeGrid.Domain;
using TradeGrid.Numerics.Describe;

namespace TradeGrid.Numerics.Tests.Describe;

public sealed class PublishedTableCheckRefusalTests
{
    [Fact]
    public void From_not_before_to_is_refused_naming_the_row()
    {
        InvalidSpecException ex = Assert.Throws<InvalidSpecException>(
            () => PublishedTableCheck.Check(new StatedGrowth("Row A", 2024, 1.0, 2020, 2.0, 5.0, 1, 0, GrowthForm.Compound)));

        Assert.Contains("Row A", ex.Message);
    }

    [Fact]
    public void A_level_not_positive_beyond_its_rounding_is_refused()
    {
        // 0.4 printed with no decimals could be anything in [−0.1, 0.9]: no growth rate is defined.
        InvalidSpecException ex = Assert.Throws<InvalidSpecException>(
            () => PublishedTableCheck.Check(new StatedGrowth("Row B", 2020, 0.4, 2021, 2.0, 5.0, 1, 0, GrowthForm.Compound)));

        Assert.Contains("Row B", ex.Message);
        Assert.Contains("2020", ex.Message);
    }

    [Fact]
    public void Negative_decimals_are_refused()
    {
        Assert.Throws<InvalidSpecException>(
            () => PublishedTableCheck.Check(new StatedGrowth("Row C", 2020, 1.0, 2021, 2.0, 5.0, -1, null, GrowthForm.Compound)));
    }

    [Theory]
    [InlineData(10.05, false)] // exactly half a unit away: the rounding rule allows it
    [InlineData(10.0500001, true)]
    [InlineData(9.9499999, true)]
    public void The_rule_is_more_than_half_a_unit_of_the_last_stated_decimal(double recomputedTarget, bool flagged)
    {
        // Levels 100 → 100·(1 + r/100) taken as exact; stated 10.0 with one decimal.
        GrowthCheck check = PublishedTableCheck.Check(
            new StatedGrowth("Row D", 2020, 100.0, 2021, 100.0 + recomputedTarget, 10.0, 1, null, GrowthForm.Compound));

        Assert.Equal(flagged, check.Flagged);
    }
}
