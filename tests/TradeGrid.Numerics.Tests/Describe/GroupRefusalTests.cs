using TradeGrid.Domain;
using TradeGrid.Numerics.Describe;

namespace TradeGrid.Numerics.Tests.Describe;

public sealed class GroupRefusalTests
{
    private static readonly int[] Years = [2019, 2020, 2021, 2022];

    [Fact]
    public void A_year_without_any_member_present_is_insufficient_data_naming_the_years()
    {
        GroupPartial a = GroupAggregation.Partial(Years, [1.0, double.NaN, 3.0, double.NaN], null, null, null);
        GroupPartial b = GroupAggregation.Partial(Years, [2.0, double.NaN, double.NaN, 5.0], null, null, [true, true, true, false]);

        InsufficientDataException ex = Assert.Throws<InsufficientDataException>(() => GroupAggregation.Combine("RCEP", [a, b]));

        Assert.Contains("RCEP", ex.Message);
        Assert.Contains("2020, 2022", ex.Message); // in 2022 b has a value but is no longer a member
        Assert.DoesNotContain("2019", ex.Message);
    }

    [Fact]
    public void Partials_for_different_years_are_a_caller_bug()
    {
        GroupPartial a = GroupAggregation.Partial(Years, [1.0, 2.0, 3.0, 4.0], null, null, null);
        GroupPartial b = GroupAggregation.Partial([2019, 2020], [1.0, 2.0], null, null, null);

        Assert.Throws<ArgumentException>(() => GroupAggregation.Combine("G", [a, b]));
    }

    [Fact]
    public void Coverage_and_weighted_mean_are_missing_when_not_asked_and_members_count_only_their_years()
    {
        GroupPartial a = GroupAggregation.Partial(Years, [1.0, 2.0, 3.0, 4.0], null, null, null);
        GroupPartial b = GroupAggregation.Partial(Years, [3.0, 6.0, 9.0, 12.0], null, null, [false, true, true, true]);

        GroupAggregate g = GroupAggregation.Combine("G", [a, b]);

        Assert.Equal([1, 2, 2, 2], g.Members);
        Assert.Equal([1.0, 8.0, 12.0, 16.0], g.Sum);
        Assert.All(g.GdpCoveragePercent, c => Assert.True(double.IsNaN(c)));
        Assert.All(g.WeightedMean, w => Assert.True(double.IsNaN(w)));
    }

    [Theory]
    [InlineData(2022, 2020)]
    [InlineData(2020, 2020)]
    public void Contributions_with_from_not_before_to_are_refused(int from, int to)
    {
        InvalidSpecException ex = Assert.Throws<InvalidSpecException>(() => Contributions.Between("G", from, to, ["A"], [1.0], [2.0]));

        Assert.Contains($"from ({from})", ex.Message);
    }

    [Fact]
    public void Contributions_with_one_published_total_only_are_refused()
    {
        InvalidSpecException ex = Assert.Throws<InvalidSpecException>(() => Contributions.Between("WLD", 2020, 2024, ["A"], [1.0], [2.0], 10.0, null));

        Assert.Contains("both 2020 and 2024", ex.Message);
    }

    [Fact]
    public void Contributions_to_a_non_positive_published_total_are_refused()
    {
        InvalidSpecException ex = Assert.Throws<InvalidSpecException>(() => Contributions.Between("WLD", 2020, 2024, ["A"], [1.0], [2.0], 0.0, 5.0));

        Assert.Contains("positive", ex.Message);
    }

    [Fact]
    public void Contributions_without_a_member_present_in_both_years_are_insufficient_data_naming_the_years()
    {
        InsufficientDataException ex = Assert.Throws<InsufficientDataException>(
            () => Contributions.Between("RCEP", 2015, 2023, ["CHN", "JPN"], [double.NaN, 5.0], [7.0, double.NaN]));

        Assert.Contains("RCEP", ex.Message);
        Assert.Contains("2015 and 2023", ex.Message);
    }

    [Fact]
    public void A_member_missing_at_one_end_is_left_out_of_the_total_and_gets_no_contribution()
    {
        ContributionTable t = Contributions.Between("G", 2015, 2023, ["A", "B", "C"], [10.0, 30.0, double.NaN], [15.0, 45.0, 100.0]);

        Assert.Equal(40.0, t.TotalFrom);
        Assert.Equal(60.0, t.TotalTo);
        Assert.Equal([25.0, 75.0], t.ShareOfChangePercent.Take(2));
        Assert.Equal([12.5, 37.5], t.PercentagePoints.Take(2));
        Assert.True(double.IsNaN(t.ShareOfChangePercent[2]));
    }
}
