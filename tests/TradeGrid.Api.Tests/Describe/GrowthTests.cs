using System.Net;
using System.Text.Json;
using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Describe;

[Collection(OwnServerCollection.Name)]
public sealed class GrowthTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private DescribeService.DescribeServiceClient Describe => new(server.Channel);
    private DataService.DataServiceClient Data => new(server.Channel);

    [Fact]
    public async Task World_digital_trade_2020_to_2024_grows_58_percent_at_12_0_percent_a_year_from_the_itc_levels()
    {
        // ITC 2025, ch. 1: "increased 58% from $4.59 trillion in 2020 to a projected $7.23 trillion in 2024 ... 12.1%".
        GrowthResponse response = await Describe.GrowthAsync(new GrowthRequest { Economy = "WLD", Indicator = "PUB_DIGITAL_TRADE", From = 2020, To = 2024 });

        PeriodGrowth period = Assert.Single(response.Economies).Period;
        Assert.Equal(4590.0, period.FromValue);
        Assert.Equal(7230.0, period.ToValue);
        DescribeAssert.Relative((7230.0 / 4590.0 - 1.0) * 100.0, period.TotalPercent, DescribeAssert.SameFormula, "total");
        DescribeAssert.Relative((Math.Pow(7230.0 / 4590.0, 0.25) - 1.0) * 100.0, period.CagrPercent, DescribeAssert.SameFormula, "CAGR");
        DescribeAssert.Relative(100.0 * Math.Log(7230.0 / 4590.0) / 4, period.LogPercentPerYear, DescribeAssert.SameFormula, "log");
        Assert.Equal("58", period.TotalPercent.ToString("F0", System.Globalization.CultureInfo.InvariantCulture));
        // The report states 12.1%; its own levels give 12.0% (the consistency check reports it within the levels' rounding).
        Assert.Equal("12.0", period.CagrPercent.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Digitally_delivered_and_ordered_cagrs_and_share_of_world_trade_follow_from_the_itc_levels()
    {
        var request = new GrowthRequest { Economy = "WLD", Indicator = "PUB_DIGITALLY_DELIVERED", From = 2020, To = 2024 };
        PeriodGrowth delivered = (await Describe.GrowthAsync(request)).Economies[0].Period;
        PeriodGrowth ordered = (await Describe.GrowthAsync(new GrowthRequest(request) { Indicator = "PUB_DIGITALLY_ORDERED" })).Economies[0].Period;
        RatioResponse ratio = await Describe.RatioAsync(new RatioRequest
        {
            Numerator = "PUB_DIGITAL_TRADE", Denominator = "PUB_WORLD_TRADE", Economies = { "WLD" }, From = 2020, To = 2024, Percent = true,
        });

        // "digitally delivered ... from $3.21 trillion to $4.64 trillion (9.6% a year); digitally ordered $1.41 → $2.62 trillion (16.7%)".
        // The levels give 9.65% (printed 9.6 in one place, 9.7 in another) and 16.76%: endnote 6 itself says 16.8% with 2020 as the base.
        DescribeAssert.Relative((Math.Pow(4640.0 / 3210.0, 0.25) - 1.0) * 100.0, delivered.CagrPercent, DescribeAssert.SameFormula, "delivered CAGR");
        Assert.Equal("9.65", delivered.CagrPercent.ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("16.8", ordered.CagrPercent.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
        PairPoint[] points = ratio.Economies.Single().Points.Where(p => p.HasResult).ToArray();
        Assert.Equal([2020, 2024], points.Select(p => p.Year));
        DescribeAssert.Relative(100.0 * 4590.0 / 22800.0, points[0].Result, DescribeAssert.SameFormula, "2020 digitalization");
        DescribeAssert.Relative(100.0 * 7230.0 / 33000.0, points[1].Result, DescribeAssert.SameFormula, "2024 digitalization");
    }

    [Fact]
    public async Task Pwt_growth_matches_a_recomputation_from_the_series_read_back()
    {
        GetSeriesResponse series = await Data.GetSeriesAsync(new GetSeriesRequest { Economy = "CHN", Indicator = "rgdpna", From = 1990, To = 2017 });
        double[] x = series.Series.Observations.Select(o => o.Value).ToArray();

        GrowthResponse response = await Describe.GrowthAsync(new GrowthRequest { Economy = "CHN", Indicator = "rgdpna", From = 1990, To = 2017 });

        EconomyGrowth chn = Assert.Single(response.Economies);
        Assert.Equal("mil. 2011US$", response.Unit);
        Assert.Equal(series.Series.Observations.Select(o => o.Year), chn.Points.Select(p => p.Year));
        Assert.False(chn.Points[0].HasYoyPercent);
        for (int i = 1; i < x.Length; i++)
        {
            DescribeAssert.Relative((x[i] / x[i - 1] - 1.0) * 100.0, chn.Points[i].YoyPercent, DescribeAssert.SameFormula, $"yoy {chn.Points[i].Year}");
            DescribeAssert.Relative(100.0 * Math.Log(x[i] / x[i - 1]), chn.Points[i].LogPercent, DescribeAssert.SameFormula, $"log {chn.Points[i].Year}");
        }
        DescribeAssert.Relative((Math.Pow(x[^1] / x[0], 1.0 / 27) - 1.0) * 100.0, chn.Period.CagrPercent, DescribeAssert.SameFormula, "CAGR");
    }

    [Fact]
    public async Task Growth_of_a_list_answers_each_economy_in_code_order()
    {
        var panel = await PanelReader.ReadAsync(Data, "", ["pop"], 2000, 2017, "USA", "JPN", "CHN");

        GrowthResponse response = await Describe.GrowthAsync(new GrowthRequest { Economies = { "USA", "JPN", "CHN" }, Indicator = "pop", From = 2000, To = 2017 });

        Assert.Equal(["CHN", "JPN", "USA"], response.Economies.Select(e => e.Economy));
        foreach (EconomyGrowth e in response.Economies)
        {
            double x0 = panel.At(e.Economy, "pop", 2000)!.Value;
            double x1 = panel.At(e.Economy, "pop", 2017)!.Value;
            DescribeAssert.Relative((Math.Pow(x1 / x0, 1.0 / 17) - 1.0) * 100.0, e.Period.CagrPercent, DescribeAssert.SameFormula, e.Economy);
        }
    }

    [Fact]
    public async Task Growth_of_every_economy_answers_for_each_one_with_data_and_notes_members_without_an_endpoint()
    {
        ListEconomiesResponse countries = await Data.ListEconomiesAsync(new ListEconomiesRequest { CountriesOnly = true });

        GrowthResponse response = await Describe.GrowthAsync(new GrowthRequest { Group = "WLD", Indicator = "rgdpna", From = 1950, To = 2017 });

        Assert.InRange(response.Economies.Count, 170, 190);
        Assert.Equal(countries.Economies.Count, response.Economies.Count + response.WithoutData.Count);
        EconomyGrowth usa = response.Economies.Single(e => e.Economy == "USA");
        Assert.Equal(68, usa.Points.Count);
        Assert.NotNull(usa.Period);
        // PWT starts China in 1952: no 1950 endpoint, so a note instead of a refusal of the whole group.
        EconomyGrowth chn = response.Economies.Single(e => e.Economy == "CHN");
        Assert.Null(chn.Period);
        Assert.Contains("CHN has no value in 1950", chn.Note);
    }

    [Fact]
    public async Task The_json_route_serves_growth()
    {
        using JsonDocument body = JsonDocument.Parse(await server.Http.GetStringAsync("/v1/economies/WLD/series/PUB_DIGITAL_TRADE:growth?from=2020&to=2024"));
        HttpResponseMessage missing = await server.Http.GetAsync("/v1/economies/XXQ/series/rgdpna:growth");

        JsonElement period = body.RootElement.GetProperty("economies")[0].GetProperty("period");
        DescribeAssert.Relative((Math.Pow(7230.0 / 4590.0, 0.25) - 1.0) * 100.0, period.GetProperty("cagrPercent").GetDouble(), DescribeAssert.SameFormula, "CAGR");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_non_positive_endpoint_refuses_cagr_and_says_which_year()
    {
        await Data.ImportAsync("economy,indicator,year,value\nDGA,dg_balance,2019,-5\nDGA,dg_balance,2020,4\nDGA,dg_balance,2022,10\n", createEconomies: true);

        var error = await Assert.ThrowsAsync<RpcException>(() => Describe.GrowthAsync(
            new GrowthRequest { Economy = "DGA", Indicator = "dg_balance", From = 2019, To = 2022 }).ResponseAsync);
        GrowthResponse fine = await Describe.GrowthAsync(new GrowthRequest { Economy = "DGA", Indicator = "dg_balance", From = 2020, To = 2022 });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("DGA has -5 in 2019", error.Status.Detail);
        DescribeAssert.Relative((Math.Sqrt(10.0 / 4.0) - 1.0) * 100.0, fine.Economies[0].Period.CagrPercent, DescribeAssert.SameFormula, "CAGR");
        // 2021 is absent: the year-on-year growth of 2022 is not over two years.
        Assert.False(fine.Economies[0].Points.Single(p => p.Year == 2022).HasYoyPercent);
    }

    [Theory]
    [InlineData("CHN", "rgdpna", "", 2017, 2010, StatusCode.InvalidArgument, "from: 2017 is after to 2010")]
    [InlineData("CHN", "rgdpna", "", 2010, 2010, StatusCode.InvalidArgument, "from: 2010 must be before to 2010")]
    [InlineData("XXQ", "rgdpna", "", 0, 0, StatusCode.NotFound, "economy: unknown economy 'XXQ'")]
    [InlineData("C$N", "rgdpna", "", 0, 0, StatusCode.InvalidArgument, "economy: 'C$N' is not an economy code")]
    [InlineData("CHN", "GDP_PPP", "", 0, 0, StatusCode.NotFound, "unknown indicator 'GDP_PPP'")]
    [InlineData("", "rgdpna", "NOPE", 0, 0, StatusCode.NotFound, "unknown group 'NOPE'")]
    [InlineData("CHN", "rgdpna", "", 1900, 2017, StatusCode.FailedPrecondition, "CHN has no value in 1900")]
    [InlineData("CHN", "PUB_TRADE_BALANCE", "", 2024, 2025, StatusCode.FailedPrecondition, "CHN has no value in 2024")]
    [InlineData("CHN", "PUB_TRADE_BALANCE", "", 2010, 2020, StatusCode.FailedPrecondition, "CHN has no value of PUB_TRADE_BALANCE in 2010–2020")]
    public async Task Bad_growth_requests_get_the_right_status_and_say_what_to_fix(
        string economy, string indicator, string group, int from, int to, StatusCode status, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Describe.GrowthAsync(
            new GrowthRequest { Economy = economy, Indicator = indicator, Group = group, From = from, To = to }).ResponseAsync);

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(message, error.Status.Detail);
    }
}
