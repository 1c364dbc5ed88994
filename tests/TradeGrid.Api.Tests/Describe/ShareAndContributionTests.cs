using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Describe;

[Collection(ServerCollection.Name)]
public sealed class ShareAndContributionTests(ServerFixture server)
{
    private DescribeService.DescribeServiceClient Describe => new(server.Channel);
    private DataService.DataServiceClient Data => new(server.Channel);

    [Fact]
    public async Task Shares_of_the_world_members_sum_equal_direct_ratios_over_the_panel()
    {
        var panel = await PanelReader.ReadAsync(Data, "WLD", ["rgdpna"], 2010, 2017);
        string[] codes = (await Data.ListEconomiesAsync(new ListEconomiesRequest { CountriesOnly = true })).Economies.Select(e => e.Code).ToArray();

        ShareResponse response = await Describe.ShareAsync(new ShareRequest { Indicator = "rgdpna", Economies = { "CHN", "IND" }, Group = "WLD", From = 2010, To = 2017 });

        Assert.Equal(TotalSource.MembersSum, response.Total);
        Assert.Equal(8, response.Years.Count);
        foreach (ShareYear y in response.Years)
        {
            double total = codes.Select(c => panel.At(c, "rgdpna", y.Year)).OfType<double>().Sum();
            double both = panel.At("CHN", "rgdpna", y.Year)!.Value + panel.At("IND", "rgdpna", y.Year)!.Value;
            DescribeAssert.Relative(total, y.Total, DescribeAssert.ReorderedSum, $"total {y.Year}");
            DescribeAssert.Relative(100.0 * both / total, y.SharePercent, DescribeAssert.ReorderedSum, $"share {y.Year}");
            Assert.Equal(2, y.EconomiesPresent);
            Assert.Equal(codes.Length, y.Members);
        }
        EconomyShare chn = response.Economies.Single(e => e.Economy == "CHN");
        double chn2017 = panel.At("CHN", "rgdpna", 2017)!.Value;
        DescribeAssert.Relative(100.0 * chn2017 / response.Years[^1].Total, chn.SharePercent[^1], DescribeAssert.SameFormula, "CHN 2017");
    }

    [Fact]
    public async Task A_share_of_a_published_world_total_uses_the_aggregates_own_series()
    {
        // ITC 2025, ch. 1: China's digitally ordered exports of $570 billion in 2024, of $2.62 trillion worldwide and $7.23 trillion of digital trade.
        var request = new ShareRequest { Indicator = "PUB_DIGITALLY_ORDERED", Economies = { "CHN" }, Group = "WLD", Total = TotalSource.Published };
        ShareResponse ofOrdered = await Describe.ShareAsync(request);
        ShareResponse ofDigital = await Describe.ShareAsync(new ShareRequest(request) { TotalIndicator = "PUB_DIGITAL_TRADE" });

        ShareYear y = Assert.Single(ofOrdered.Years);
        Assert.Equal(2024, y.Year);
        Assert.Equal(2620.0, y.Total);
        DescribeAssert.Relative(100.0 * 570.0 / 2620.0, y.SharePercent, DescribeAssert.SameFormula, "of digitally ordered");
        DescribeAssert.Relative(100.0 * 570.0 / 7230.0, ofDigital.Years.Single().SharePercent, DescribeAssert.SameFormula, "of digital trade");
    }

    [Fact]
    public async Task Contributions_equal_direct_changes_over_the_panel_and_add_up_to_the_growth()
    {
        var panel = await PanelReader.ReadAsync(Data, "ASEAN", ["exports"], 2010, 2017);

        ContributionsResponse response = await Describe.ContributionsAsync(new ContributionsRequest { Indicator = "exports", Group = "ASEAN", From = 2010, To = 2017 });

        string[] members = response.Contributions.Select(c => c.Economy).ToArray();
        double from = members.Sum(m => panel.At(m, "exports", 2010)!.Value);
        double to = members.Sum(m => panel.At(m, "exports", 2017)!.Value);
        Assert.Equal(10, members.Length);
        DescribeAssert.Relative(from, response.TotalFrom, DescribeAssert.ReorderedSum, "total 2010");
        DescribeAssert.Relative((to / from - 1.0) * 100.0, response.GrowthPercent, DescribeAssert.ReorderedSum, "growth");
        foreach (Contribution c in response.Contributions)
        {
            double change = panel.At(c.Economy, "exports", 2017)!.Value - panel.At(c.Economy, "exports", 2010)!.Value;
            DescribeAssert.Relative(100.0 * change / (to - from), c.ShareOfChangePercent, DescribeAssert.ReorderedSum, c.Economy);
            DescribeAssert.Relative(100.0 * change / from, c.PercentagePoints, DescribeAssert.ReorderedSum, c.Economy);
        }
        DescribeAssert.Relative(100.0, response.Contributions.Sum(c => c.ShareOfChangePercent), DescribeAssert.ReorderedSum, "Σ share of change");
        DescribeAssert.Relative(response.GrowthPercent, response.Contributions.Sum(c => c.PercentagePoints), DescribeAssert.ReorderedSum, "Σ pp");
        Assert.True(response.Contributions.Select(c => c.Change).SequenceEqual(response.Contributions.Select(c => c.Change).OrderDescending()), "largest change first");
    }

    [Theory]
    [InlineData("exports", "ASEAN", 2017, 2010, TotalSource.MembersSum, StatusCode.InvalidArgument, "from: 2017 is after to 2010")]
    [InlineData("exports", "ASEAN", 2010, 2010, TotalSource.MembersSum, StatusCode.InvalidArgument, "from: 2010 must be before to 2010")]
    [InlineData("exports", "ASEAN", 0, 2017, TotalSource.MembersSum, StatusCode.InvalidArgument, "give both years of the period")]
    [InlineData("exports", "WLD", 2010, 2017, TotalSource.Published, StatusCode.FailedPrecondition, "WLD has no published exports in 2010, 2017")]
    [InlineData("exports", "ASEAN", 2010, 2017, TotalSource.Published, StatusCode.FailedPrecondition, "ASEAN has no published exports in 2010, 2017")]
    [InlineData("exports", "ASEAN", 1960, 1961, TotalSource.MembersSum, StatusCode.FailedPrecondition, "group: ASEAN has no members in 1961;")]
    [InlineData("exports", "WLD", 1940, 1950, TotalSource.MembersSum, StatusCode.FailedPrecondition, "No member of WLD has values in both 1940 and 1950")]
    [InlineData("exports", "NOPE", 2010, 2017, TotalSource.MembersSum, StatusCode.NotFound, "unknown group 'NOPE'")]
    public async Task Bad_contribution_requests_get_the_right_status_and_say_what_to_fix(
        string indicator, string group, int from, int to, TotalSource total, StatusCode status, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Describe.ContributionsAsync(
            new ContributionsRequest { Indicator = indicator, Group = group, From = from, To = to, Total = total }).ResponseAsync);

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(message, error.Status.Detail);
    }

    [Theory]
    [InlineData("PUB_DIGITALLY_ORDERED", "CHN", "WLD", 2023, 2024, TotalSource.Published, StatusCode.FailedPrecondition, "WLD has no published PUB_DIGITALLY_ORDERED in 2023")]
    [InlineData("pop", "CHN", "ASEAN", 2018, 2018, TotalSource.MembersSum, StatusCode.FailedPrecondition, "No member of ASEAN has a value in 2018")]
    [InlineData("pop", "", "WLD", 0, 0, TotalSource.MembersSum, StatusCode.InvalidArgument, "economies: name at least one economy")]
    [InlineData("pop", "CHN", "", 0, 0, TotalSource.MembersSum, StatusCode.InvalidArgument, "group: a group code is required")]
    [InlineData("pop", "XXQ", "WLD", 0, 0, TotalSource.MembersSum, StatusCode.NotFound, "economies[0]: unknown economy 'XXQ'")]
    public async Task Bad_share_requests_get_the_right_status_and_say_what_to_fix(
        string indicator, string economy, string group, int from, int to, TotalSource total, StatusCode status, string message)
    {
        var request = new ShareRequest { Indicator = indicator, Group = group, From = from, To = to, Total = total };
        if (economy.Length > 0)
        {
            request.Economies.Add(economy);
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Describe.ShareAsync(request).ResponseAsync);

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(message, error.Status.Detail);
    }
}
