using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Describe;

[Collection(ServerCollection.Name)]
public sealed class PairAndCheckTests(ServerFixture server)
{
    private DescribeService.DescribeServiceClient Describe => new(server.Channel);
    private DataService.DataServiceClient Data => new(server.Channel);

    [Fact]
    public async Task Balance_and_ratio_equal_direct_arithmetic_over_the_panel()
    {
        var panel = await PanelReader.ReadAsync(Data, "", ["exports", "imports", "cgdpo"], 2000, 2017, "CHN", "USA");

        BalanceResponse balance = await Describe.BalanceAsync(new BalanceRequest { Exports = "exports", Imports = "imports", Economies = { "CHN", "USA" }, From = 2000, To = 2017 });
        RatioResponse ratio = await Describe.RatioAsync(new RatioRequest { Numerator = "exports", Denominator = "cgdpo", Economies = { "CHN" }, From = 2000, To = 2017 });

        Assert.Equal(["CHN", "USA"], balance.Economies.Select(e => e.Economy));
        foreach (EconomyPair e in balance.Economies)
        {
            Assert.Equal(18, e.Points.Count);
            Assert.All(e.Points, p => Assert.Equal(panel.At(e.Economy, "exports", p.Year)!.Value - panel.At(e.Economy, "imports", p.Year)!.Value, p.Result));
        }
        Assert.All(ratio.Economies.Single().Points, p => Assert.Equal(panel.At("CHN", "exports", p.Year)!.Value / panel.At("CHN", "cgdpo", p.Year)!.Value, p.Result));
    }

    [Fact]
    public async Task The_rcep_table_1_check_flags_goods_2024_goods_2025_and_services_2025()
    {
        // Table 1 prints levels in US$ 100 million with no decimals; stored in US$ billion, that is one decimal.
        var request = new CheckPublishedGrowthRequest { Economy = "WLD", RateDecimals = 1, LevelDecimals = 1 };
        request.Columns.Add(new PublishedColumn { LevelsIndicator = "PUB_GOODS_EXPORTS", Label = "export of goods" });
        request.Columns.Add(new PublishedColumn { LevelsIndicator = "PUB_SERVICES_EXPORTS", Label = "service exports" });
        request.Columns.Add(new PublishedColumn { LevelsIndicator = "PUB_DDS_EXPORTS", Label = "digital delivery export" });

        CheckPublishedGrowthResponse all = await Describe.CheckPublishedGrowthAsync(request);
        request.FlaggedOnly = true;
        CheckPublishedGrowthResponse flagged = await Describe.CheckPublishedGrowthAsync(request);

        // 2019's rates rest on 2018 levels the table does not print: 6 checkable rows per column.
        Assert.Equal(18, all.Rows.Count);
        Assert.Equal(3, all.FlaggedCount);
        Assert.Equal(
            ["export of goods 2024: stated 2.1, levels give 19.90", "export of goods 2025: stated 2.4, levels give 2.05", "service exports 2025: stated 4.6, levels give -3.58"],
            flagged.Rows.Select(r => $"{r.Label}: stated {r.StatedPercent.ToString(System.Globalization.CultureInfo.InvariantCulture)}, levels give {r.RecomputedPercent.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}"));
        GrowthCheckRow goods2024 = flagged.Rows[0];
        DescribeAssert.Relative((28517.0 / 23783.5 - 1.0) * 100.0, goods2024.RecomputedPercent, DescribeAssert.SameFormula, "goods 2024");
    }

    [Fact]
    public async Task The_itc_digital_trade_cagr_is_flagged_with_exact_levels_and_its_58_percent_is_not()
    {
        var cagr = new CheckPublishedGrowthRequest { Economy = "WLD", RateDecimals = 1 };
        cagr.Columns.Add(new PublishedColumn { LevelsIndicator = "PUB_DIGITAL_TRADE", StatedIndicator = "PUB_DIGITAL_TRADE_CAGR_PCT", FromYear = 2020, Label = "digital trade CAGR" });
        var total = new CheckPublishedGrowthRequest { Economy = "WLD", RateDecimals = 0 };
        total.Columns.Add(new PublishedColumn { LevelsIndicator = "PUB_DIGITAL_TRADE", StatedIndicator = "PUB_DIGITAL_TRADE_CHANGE_PCT", FromYear = 2020, Form = StatedForm.Total });

        GrowthCheckRow stated121 = Assert.Single((await Describe.CheckPublishedGrowthAsync(cagr)).Rows);
        GrowthCheckRow stated58 = Assert.Single((await Describe.CheckPublishedGrowthAsync(total)).Rows);

        // 4.59 → 7.23 over four years is 12.03% a year, printed 12.1: flagged when the levels are taken as exact.
        Assert.Equal("digital trade CAGR 2020–2024", stated121.Label);
        Assert.Equal(12.1, stated121.StatedPercent);
        Assert.True(stated121.Flagged);
        Assert.False(stated58.Flagged);
        DescribeAssert.Relative((7230.0 / 4590.0 - 1.0) * 100.0, stated58.RecomputedPercent, DescribeAssert.SameFormula, "58%");
    }

    [Theory]
    [InlineData("WLD", "PUB_GOODS_EXPORTS", "", 1, StatusCode.OK, "")]
    [InlineData("XXQ", "PUB_GOODS_EXPORTS", "", 1, StatusCode.NotFound, "economy: unknown economy 'XXQ'")]
    [InlineData("WLD", "PUB_NOPE", "", 1, StatusCode.NotFound, "columns[0].levels_indicator: unknown indicator 'PUB_NOPE'")]
    [InlineData("WLD", "PUB_DIGITAL_TRADE", "", 1, StatusCode.NotFound, "columns[0].stated_indicator: unknown indicator 'PUB_DIGITAL_TRADE_GROWTH_PCT'")]
    [InlineData("CHN", "PUB_GOODS_EXPORTS", "", 1, StatusCode.FailedPrecondition, "CHN has no values of PUB_GOODS_EXPORTS")]
    [InlineData("WLD", "PUB_GOODS_EXPORTS", "", 9, StatusCode.InvalidArgument, "rate_decimals: 9 is outside")]
    public async Task Bad_check_requests_get_the_right_status_and_say_what_to_fix(string economy, string levels, string stated, int rateDecimals, StatusCode status, string message)
    {
        var request = new CheckPublishedGrowthRequest { Economy = economy, RateDecimals = rateDecimals };
        request.Columns.Add(new PublishedColumn { LevelsIndicator = levels, StatedIndicator = stated });

        if (status == StatusCode.OK)
        {
            Assert.Equal(6, (await Describe.CheckPublishedGrowthAsync(request)).Rows.Count);
            return;
        }
        var error = await Assert.ThrowsAsync<RpcException>(() => Describe.CheckPublishedGrowthAsync(request).ResponseAsync);

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(message, error.Status.Detail);
    }
}
