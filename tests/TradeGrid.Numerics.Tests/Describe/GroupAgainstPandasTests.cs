using System.Text.Json;
using TradeGrid.Numerics.Describe;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Describe;

public sealed class GroupAgainstPandasTests
{
    // fixtures/describe/group.json comes from make_fixtures.py: pandas groupby(year) on the long table of the members
    // (sum, mean, median, Σwx/Σw, counts, GDP coverage), shares and contributions from the same frame.
    // Sums over ≤ 15 members in another order: a few ulps of the largest term.
    private const double SumTolerance = 1e-12;

    // Merging partials in another tree only reorders the same sums.
    private const double SplitTolerance = 1e-13;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in Fixture.Load("describe/group").GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!); // written by the script
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Partials_combined_match_pandas_groupby(string name)
    {
        JsonElement c = Case(name);
        int[] years = c.GetProperty("years").Ints();

        GroupAggregate aggregate = GroupAggregation.Combine(name, MemberPartials(c));

        JsonElement expected = c.GetProperty("expected");
        SeriesAssert.Relative(expected.GetProperty("sum").Doubles(), aggregate.Sum, SumTolerance, "sum");
        SeriesAssert.Relative(expected.GetProperty("mean").Doubles(), aggregate.Mean, SumTolerance, "mean");
        SeriesAssert.Relative(expected.GetProperty("median").Doubles(), aggregate.Median, SumTolerance, "median");
        SeriesAssert.Relative(expected.GetProperty("weightedMean").Doubles(), aggregate.WeightedMean, SumTolerance, "weighted mean");
        SeriesAssert.Relative(expected.GetProperty("coverage").Doubles(), aggregate.GdpCoveragePercent, SumTolerance, "GDP coverage");
        Assert.Equal(expected.GetProperty("present").Doubles().Select(d => (int)d), aggregate.Present);
        Assert.Equal(expected.GetProperty("members").Doubles().Select(d => (int)d), aggregate.Members);
        Assert.Equal(years, aggregate.Years);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Split_then_combine_equals_direct_whatever_the_split(string name)
    {
        JsonElement c = Case(name);
        GroupPartial[] members = MemberPartials(c);

        // Direct: every member's partial at once. Split: two "silos" merge their own members, in reverse order.
        GroupAggregate direct = GroupAggregation.Combine(name, members);
        int half = members.Length / 2;
        GroupPartial left = members.Take(half).Reverse().Aggregate(GroupAggregation.Merge);
        GroupPartial right = members.Skip(half).Aggregate(GroupAggregation.Merge);
        GroupAggregate split = GroupAggregation.Combine(name, [right, left]);

        SeriesAssert.Relative(direct.Sum, split.Sum, SplitTolerance, "sum");
        SeriesAssert.Relative(direct.Median, split.Median, SplitTolerance, "median");
        SeriesAssert.Relative(direct.WeightedMean, split.WeightedMean, SplitTolerance, "weighted mean");
        SeriesAssert.Relative(direct.GdpCoveragePercent, split.GdpCoveragePercent, SplitTolerance, "coverage");
        Assert.Equal(direct.Present, split.Present);
        Assert.Equal(direct.Members, split.Members);
    }

    [Fact]
    public void Shares_of_the_members_sum_and_of_the_published_world_total_match_pandas()
    {
        JsonElement c = Fixture.Load("describe/group").GetProperty("cases")[0];
        double[][] values = c.GetProperty("values").EnumerateArray().Select(Fixture.Doubles).ToArray();
        string[] members = c.GetProperty("members").Strings();
        GroupAggregate aggregate = GroupAggregation.Combine("RCEP", MemberPartials(c));
        double[] published = c.GetProperty("published").Doubles();

        for (int i = 0; i < members.Length; i++)
        {
            double[] ofSum = Share.Percent(values[i], aggregate.Sum);
            double[] ofWorld = Share.Percent(values[i], published);

            SeriesAssert.Relative(c.GetProperty("sharesOfSum")[i].Doubles(), ofSum, SumTolerance, $"{members[i]} share of RCEP");
            SeriesAssert.Relative(c.GetProperty("sharesOfPublished")[i].Doubles(), ofWorld, SumTolerance, $"{members[i]} share of WLD");
        }
    }

    public static TheoryData<string> ContributionCases()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in Fixture.Load("describe/group").GetProperty("cases").EnumerateArray().Where(c => c.TryGetProperty("contributions", out _)))
        {
            data.Add(c.GetProperty("name").GetString()!); // written by the script
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ContributionCases))]
    public void Contributions_match_pandas(string name)
    {
        JsonElement c = Case(name);
        JsonElement expected = c.GetProperty("contributions");
        (string[] members, double[] from, double[] to, int fromYear, int toYear) = Endpoints(c, expected);

        ContributionTable table = Contributions.Between(name, fromYear, toYear, members, from, to);

        AssertContributions(expected, table);
        // Over the members' own total, shares of the change add to 100 and points to the growth rate.
        AssertClose.Relative(100.0, table.ShareOfChangePercent.Where(d => !double.IsNaN(d)).Sum(), SumTolerance, "Σ shares of change");
        AssertClose.Relative(table.GrowthPercent, table.PercentagePoints.Where(d => !double.IsNaN(d)).Sum(), SumTolerance, "Σ points");
    }

    [Fact]
    public void Contributions_to_a_published_total_match_pandas()
    {
        JsonElement c = Fixture.Load("describe/group").GetProperty("cases")[0];
        JsonElement expected = c.GetProperty("contributionsPublished");
        (string[] members, double[] from, double[] to, int fromYear, int toYear) = Endpoints(c, c.GetProperty("contributions"));

        ContributionTable table = Contributions.Between(
            "RCEP", fromYear, toYear, members, from, to, expected.GetProperty("totalFrom").GetDouble(), expected.GetProperty("totalTo").GetDouble());

        AssertClose.Relative(expected.GetProperty("growth").GetDouble(), table.GrowthPercent, SumTolerance, "world growth");
        SeriesAssert.Relative(expected.GetProperty("shareOfChange").Doubles(), table.ShareOfChangePercent, SumTolerance, "share of world change");
        SeriesAssert.Relative(expected.GetProperty("points").Doubles(), table.PercentagePoints, SumTolerance, "points of world growth");
    }

    internal static GroupPartial[] MemberPartials(JsonElement c)
    {
        int[] years = c.GetProperty("years").Ints();
        int n = c.GetProperty("members").GetArrayLength();
        var partials = new GroupPartial[n];
        for (int i = 0; i < n; i++)
        {
            partials[i] = GroupAggregation.Partial(
                years,
                c.GetProperty("values")[i].Doubles(),
                Optional(c, "weights", i)?.Doubles(),
                Optional(c, "gdp", i)?.Doubles(),
                Optional(c, "inGroup", i)?.Bools());
        }
        return partials;
    }

    private static JsonElement? Optional(JsonElement c, string name, int i) =>
        c.GetProperty(name).ValueKind == JsonValueKind.Null ? null : c.GetProperty(name)[i];

    private static (string[] Members, double[] From, double[] To, int FromYear, int ToYear) Endpoints(JsonElement c, JsonElement contributions)
    {
        int[] years = c.GetProperty("years").Ints();
        int fromYear = contributions.GetProperty("from").GetInt32();
        int toYear = contributions.GetProperty("to").GetInt32();
        double[][] values = c.GetProperty("values").EnumerateArray().Select(Fixture.Doubles).ToArray();
        int a = Array.IndexOf(years, fromYear);
        int b = Array.IndexOf(years, toYear);
        return (c.GetProperty("members").Strings(), values.Select(v => v[a]).ToArray(), values.Select(v => v[b]).ToArray(), fromYear, toYear);
    }

    private static void AssertContributions(JsonElement expected, ContributionTable table)
    {
        AssertClose.Relative(expected.GetProperty("totalFrom").GetDouble(), table.TotalFrom, SumTolerance, "total from");
        AssertClose.Relative(expected.GetProperty("totalTo").GetDouble(), table.TotalTo, SumTolerance, "total to");
        AssertClose.Relative(expected.GetProperty("growth").GetDouble(), table.GrowthPercent, SumTolerance, "growth");
        SeriesAssert.Relative(expected.GetProperty("change").Doubles(), table.Change, SumTolerance, "change");
        SeriesAssert.Relative(expected.GetProperty("shareOfChange").Doubles(), table.ShareOfChangePercent, SumTolerance, "share of change");
        SeriesAssert.Relative(expected.GetProperty("points").Doubles(), table.PercentagePoints, SumTolerance, "points");
    }

    private static JsonElement Case(string name) =>
        Fixture.Load("describe/group").GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
