using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Describe;

[Collection(ServerCollection.Name)]
public sealed class AggregateTests(ServerFixture server)
{
    private DescribeService.DescribeServiceClient Describe => new(server.Channel);
    private DataService.DataServiceClient Data => new(server.Channel);

    [Fact]
    public async Task World_aggregate_equals_direct_sums_over_the_panel_with_its_coverage()
    {
        var panel = await PanelReader.ReadAsync(Data, "WLD", ["rgdpna", "pop", "cgdpo"], 1950, 2017);
        ListEconomiesResponse countries = await Data.ListEconomiesAsync(new ListEconomiesRequest { CountriesOnly = true });
        string[] codes = countries.Economies.Select(e => e.Code).ToArray();

        AggregateResponse response = await Describe.AggregateAsync(new AggregateRequest
        {
            Indicator = "rgdpna", Group = "WLD", From = 1950, To = 2017, WeightIndicator = "pop",
        });

        Assert.Equal("cgdpo", response.GdpIndicator);
        Assert.Equal(68, response.Years.Count);
        foreach (AggregateYear y in response.Years)
        {
            double[] present = codes.Select(c => panel.At(c, "rgdpna", y.Year)).OfType<double>().ToArray();
            double sum = present.Sum();
            double[] sorted = present.Order().ToArray();
            double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
            var weighted = codes.Select(c => (X: panel.At(c, "rgdpna", y.Year), W: panel.At(c, "pop", y.Year))).Where(p => p.X is not null && p.W is not null).ToArray();
            double gdpAll = codes.Select(c => panel.At(c, "cgdpo", y.Year)).OfType<double>().Sum();
            double gdpPresent = codes.Where(c => panel.At(c, "rgdpna", y.Year) is not null).Select(c => panel.At(c, "cgdpo", y.Year)).OfType<double>().Sum();

            Assert.Equal(present.Length, y.Present);
            Assert.Equal(codes.Length, y.Members);
            DescribeAssert.Relative(sum, y.Sum, DescribeAssert.ReorderedSum, $"sum {y.Year}");
            DescribeAssert.Relative(sum / present.Length, y.Mean, DescribeAssert.ReorderedSum, $"mean {y.Year}");
            Assert.Equal(median, y.Median);
            DescribeAssert.Relative(weighted.Sum(p => p.X!.Value * p.W!.Value) / weighted.Sum(p => p.W!.Value), y.WeightedMean, DescribeAssert.ReorderedSum, $"weighted {y.Year}");
            DescribeAssert.Relative(100.0 * gdpPresent / gdpAll, y.GdpCoveragePercent, DescribeAssert.ReorderedSum, $"coverage {y.Year}");
        }
        Assert.InRange(response.Years[0].Present, 40, 70);
        Assert.InRange(response.Years[^1].Present, 175, 185);
    }

    [Fact]
    public async Task Members_follow_the_years_each_membership_holds()
    {
        var panel = await PanelReader.ReadAsync(Data, "ASEAN", ["pop"], 1990, 2000);

        AggregateResponse response = await Describe.AggregateAsync(new AggregateRequest { Indicator = "pop", Group = "ASEAN", From = 1990, To = 2000 });

        foreach (AggregateYear y in response.Years)
        {
            ListEconomiesResponse members = await Data.ListEconomiesAsync(new ListEconomiesRequest { Group = "ASEAN", Year = y.Year });
            double sum = members.Economies.Select(e => panel.At(e.Code, "pop", y.Year)).OfType<double>().Sum();
            Assert.Equal(members.Economies.Count, y.Members);
            DescribeAssert.Relative(sum, y.Sum, DescribeAssert.ReorderedSum, $"ASEAN pop {y.Year}");
        }
        // Viet Nam joined in 1995, Laos and Myanmar in 1997, Cambodia in 1999.
        Assert.Equal([6, 7, 9, 10], new[] { 1994, 1995, 1997, 1999 }.Select(year => response.Years.Single(y => y.Year == year).Members));
    }

    [Fact]
    public async Task The_json_route_serves_aggregates()
    {
        HttpResponseMessage http = await server.Http.PostAsJsonAsync("/v1/describe:aggregate", new { indicator = "pop", group = "ASEAN", from = 2017, to = 2017 });
        AggregateResponse grpc = await Describe.AggregateAsync(new AggregateRequest { Indicator = "pop", Group = "ASEAN", From = 2017, To = 2017 });

        using JsonDocument body = JsonDocument.Parse(await http.Content.ReadAsStringAsync());
        JsonElement year = body.RootElement.GetProperty("years")[0];
        Assert.Equal(grpc.Years[0].Sum, year.GetProperty("sum").GetDouble());
        Assert.Equal(10, year.GetProperty("members").GetInt32());
    }

    [Theory]
    [InlineData("pop", "ASEAN", "", 2016, 2019, StatusCode.FailedPrecondition, "No member of ASEAN has a value in 2018, 2019")]
    [InlineData("PUB_DIGITAL_TRADE", "ASEAN", "", 0, 0, StatusCode.FailedPrecondition, "No member of ASEAN has values of PUB_DIGITAL_TRADE")]
    [InlineData("pop", "NOPE", "", 0, 0, StatusCode.NotFound, "unknown group 'NOPE'")]
    [InlineData("pop", "RCEP", "", 0, 0, StatusCode.FailedPrecondition, "The members of RCEP have no values of pop in the years they belong to it")]
    [InlineData("pop", "ASEAN", "GDP_PPP", 0, 0, StatusCode.NotFound, "weight_indicator: unknown indicator 'GDP_PPP'")]
    [InlineData("pop", "", "", 0, 0, StatusCode.InvalidArgument, "economies: name at least one economy, or a group")]
    [InlineData("pop", "ASEAN", "", 2017, 2016, StatusCode.InvalidArgument, "from: 2017 is after to 2016")]
    public async Task Bad_aggregate_requests_get_the_right_status_and_say_what_to_fix(
        string indicator, string group, string weight, int from, int to, StatusCode status, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Describe.AggregateAsync(
            new AggregateRequest { Indicator = indicator, Group = group, WeightIndicator = weight, From = from, To = to }).ResponseAsync);

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(message, error.Status.Detail);
    }
}
