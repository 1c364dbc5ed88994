using Grpc.Core;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Describe;

[Collection(OwnServerCollection.Name)]
public sealed class FillTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    // Proxy (merchandise exports) 2015–2020; the target (e-commerce exports) known in 2018 only, as in ITC Box 2.
    private static readonly double[] Proxy = [100.0, 110.0, 121.0, 130.0, 117.0, 140.4];
    private const int FirstYear = 2015;
    private const int KnownYear = 2018;
    private const double KnownValue = 26.0;

    private DescribeService.DescribeServiceClient Describe => new(server.Channel);
    private DataService.DataServiceClient Data => new(server.Channel);

    private async Task<long> VersionOf(string economy) => (await Data.GetEconomyAsync(new GetEconomyRequest { Economy = economy })).DataVersion;

    private async Task ImportOneKnownYearAsync(string economy, string target, string proxy, int? proxyGapYear = null)
    {
        var csv = new System.Text.StringBuilder("economy,indicator,year,value\n");
        for (int i = 0; i < Proxy.Length; i++)
        {
            if (FirstYear + i != proxyGapYear)
            {
                csv.Append($"{economy},{proxy},{FirstYear + i},{Proxy[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}\n");
            }
        }
        csv.Append($"{economy},{target},{KnownYear},{KnownValue}\n");
        await Data.ImportAsync(csv.ToString(), createEconomies: true);
    }

    [Fact]
    public async Task A_stored_proxy_fill_reproduces_the_proxys_growth_exactly_and_the_series_shows_the_flags()
    {
        await ImportOneKnownYearAsync("FLA", "fl_ecom", "fl_goods");
        long before = await VersionOf("FLA");

        FillResponse response = await Describe.FillAsync(new FillRequest { Indicator = "fl_ecom", Economies = { "FLA" }, Method = FillMethod.ProxyChain, Proxy = "fl_goods" });
        GetSeriesResponse series = await Data.GetSeriesAsync(new GetSeriesRequest { Economy = "FLA", Indicator = "fl_ecom" });

        EconomyFill fla = Assert.Single(response.Economies);
        Assert.Equal(5, fla.FilledCount);
        Assert.Equal(await VersionOf("FLA"), fla.DataVersion);
        Assert.True(fla.DataVersion > before);
        Observation[] o = series.Series.Observations.ToArray();
        Assert.Equal(Enumerable.Range(FirstYear, Proxy.Length), o.Select(x => x.Year));
        int k = KnownYear - FirstYear;
        for (int i = 0; i < o.Length; i++)
        {
            // x_t = x_k · p_t / p_k, the same arithmetic: equal to the last bit.
            Assert.Equal(KnownValue * Proxy[i] / Proxy[k], o[i].Value);
            Assert.Equal(i == k ? Provenance.Reported : Provenance.Estimated, o[i].Provenance);
            if (i > 0)
            {
                DescribeAssert.Relative(Proxy[i] / Proxy[i - 1], o[i].Value / o[i - 1].Value, DescribeAssert.SameFormula, $"growth {o[i].Year}");
            }
        }
        Assert.Contains("growth of fl_goods", o[0].Source);
        Assert.Equal("estimated", fla.Points[0].Flag);
        Assert.Equal(FilledBy.ProxyExtrapolation, fla.Points[0].FilledBy);
        Assert.Equal(FilledBy.Observed, fla.Points[k].FilledBy);
    }

    [Fact]
    public async Task A_dry_run_previews_and_stores_nothing()
    {
        await ImportOneKnownYearAsync("FLD", "fl_ecom", "fl_goods");
        long before = await VersionOf("FLD");

        FillResponse preview = await Describe.FillAsync(new FillRequest { Indicator = "fl_ecom", Economies = { "FLD" }, Method = FillMethod.ProxyChain, Proxy = "fl_goods", DryRun = true });
        GetSeriesResponse series = await Data.GetSeriesAsync(new GetSeriesRequest { Economy = "FLD", Indicator = "fl_ecom" });

        Assert.Equal(5, preview.FilledCount);
        Assert.Equal(0, preview.Economies[0].DataVersion);
        Assert.Equal(KnownValue * Proxy[0] / Proxy[3], preview.Economies[0].Points[0].Value);
        Assert.Equal(before, await VersionOf("FLD"));
        Assert.Single(series.Series.Observations);
    }

    [Fact]
    public async Task Spread_keeps_both_known_values_and_interpolations_flag_interpolated_and_estimated()
    {
        await Data.ImportAsync(
            "economy,indicator,year,value\nFLS,fl_t,2010,10\nFLS,fl_t,2014,30\n" +
            string.Concat(Enumerable.Range(2009, 7).Select(y => $"FLS,fl_p,{y},{100 + 10 * (y - 2009)}\n")), createEconomies: true);
        var request = new FillRequest { Indicator = "fl_t", Economies = { "FLS" }, From = 2009, To = 2015, DryRun = true };

        EconomyFill spread = (await Describe.FillAsync(new FillRequest(request) { Method = FillMethod.ProxySpread, Proxy = "fl_p" })).Economies[0];
        EconomyFill linear = (await Describe.FillAsync(new FillRequest(request) { Method = FillMethod.Linear, Ends = EndFill.LastCagr })).Economies[0];
        EconomyFill logLinear = (await Describe.FillAsync(new FillRequest(request) { Method = FillMethod.LogLinear })).Economies[0];

        // r = (30/10) / (150/110); x_2012 = 10 · (130/110) · r^(2/4).
        double r = 3.0 / (150.0 / 110.0);
        DescribeAssert.Relative(10.0 * (130.0 / 110.0) * Math.Pow(r, 0.5), spread.Points[3].Value, DescribeAssert.SameFormula, "spread 2012");
        Assert.Equal(30.0, spread.Points[5].Value);
        Assert.Equal(["estimated", "observed", "interpolated", "interpolated", "interpolated", "observed", "estimated"], spread.Points.Select(p => p.Flag));
        Assert.Equal(20.0, linear.Points[3].Value);
        DescribeAssert.Relative(30.0 * Math.Pow(3.0, 0.25), linear.Points[6].Value, DescribeAssert.SameFormula, "CAGR end 2015");
        DescribeAssert.Relative(10.0 * Math.Sqrt(3.0), logLinear.Points[3].Value, DescribeAssert.SameFormula, "log-linear 2012");
        Assert.False(logLinear.Points[0].HasValue);
        Assert.Equal(FilledBy.NotFilled, logLinear.Points[0].FilledBy);
    }

    [Fact]
    public async Task A_fill_refused_for_one_economy_stores_nothing_for_any_and_names_the_economy_and_years()
    {
        await ImportOneKnownYearAsync("FLB", "fl_ecom", "fl_goods");
        await ImportOneKnownYearAsync("FLC", "fl_ecom", "fl_goods", proxyGapYear: 2016);
        long b = await VersionOf("FLB");
        long c = await VersionOf("FLC");

        var error = await Assert.ThrowsAsync<RpcException>(() => Describe.FillAsync(
            new FillRequest { Indicator = "fl_ecom", Economies = { "FLB", "FLC" }, Method = FillMethod.ProxyChain, Proxy = "fl_goods", From = 2015, To = 2020 }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("The proxy of FLC is missing or not positive in 2016", error.Status.Detail);
        Assert.Equal(b, await VersionOf("FLB"));
        Assert.Equal(c, await VersionOf("FLC"));
        Assert.Single((await Data.GetSeriesAsync(new GetSeriesRequest { Economy = "FLB", Indicator = "fl_ecom" })).Series.Observations);
    }

    [Fact]
    public async Task A_fill_of_several_economies_stores_each_ones_own_series_as_a_new_version()
    {
        await ImportOneKnownYearAsync("FLG", "fl_ecom", "fl_goods");
        await ImportOneKnownYearAsync("FLH", "fl_ecom", "fl_goods", proxyGapYear: 2020);
        long g = await VersionOf("FLG");
        long h = await VersionOf("FLH");

        FillResponse response = await Describe.FillAsync(new FillRequest
        {
            Indicator = "fl_ecom", Economies = { "FLH", "FLG" }, Method = FillMethod.ProxyChain, Proxy = "fl_goods", From = 2015, To = 2019,
        });

        Assert.Equal(["FLG", "FLH"], response.Economies.Select(e => e.Economy));
        Assert.Equal(8, response.FilledCount);
        Assert.Equal(await VersionOf("FLG"), response.Economies[0].DataVersion);
        Assert.Equal(await VersionOf("FLH"), response.Economies[1].DataVersion);
        Assert.True(response.Economies[0].DataVersion > g && response.Economies[1].DataVersion > h);
        GetSeriesResponse flh = await Data.GetSeriesAsync(new GetSeriesRequest { Economy = "FLH", Indicator = "fl_ecom" });
        Assert.Equal(Enumerable.Range(2015, 5), flh.Series.Observations.Select(o => o.Year));
    }

    [Fact]
    public async Task A_group_fill_runs_on_every_member_and_leaves_out_those_without_the_series()
    {
        FillResponse response = await Describe.FillAsync(new FillRequest
        {
            Indicator = "hc", Group = "WLD", Method = FillMethod.Linear, Ends = EndFill.None, From = 1950, To = 2017, DryRun = true,
        });

        Assert.InRange(response.Economies.Count, 140, 190);
        Assert.NotEmpty(response.WithoutData);
        Assert.All(response.Economies, e => Assert.Equal(68, e.Points.Count));
        Assert.All(response.Economies.SelectMany(e => e.Points), p => Assert.NotEqual("estimated", p.Flag));
    }

    [Theory]
    [InlineData("fl_ecom", FillMethod.Unspecified, "", EndFill.Unspecified, StatusCode.InvalidArgument, "method: choose")]
    [InlineData("fl_ecom", FillMethod.ProxyChain, "", EndFill.Unspecified, StatusCode.InvalidArgument, "proxy: this method needs a proxy")]
    [InlineData("fl_ecom", FillMethod.Linear, "", EndFill.Proxy, StatusCode.InvalidArgument, "proxy: this method needs a proxy")]
    [InlineData("fl_ecom", FillMethod.ProxyChain, "fl_goods", EndFill.LastCagr, StatusCode.InvalidArgument, "ends: a proxy method always fills the ends")]
    [InlineData("fl_ecom", FillMethod.ProxyChain, "GDP_PPP", EndFill.Unspecified, StatusCode.NotFound, "proxy: unknown indicator 'GDP_PPP'")]
    [InlineData("fl_nope", FillMethod.Linear, "", EndFill.Unspecified, StatusCode.NotFound, "indicator: unknown indicator 'fl_nope'")]
    [InlineData("fl_ecom", FillMethod.Linear, "", EndFill.LastCagr, StatusCode.FailedPrecondition, "FLE has one known value (2018)")]
    public async Task Bad_fill_requests_get_the_right_status_and_change_nothing(
        string indicator, FillMethod method, string proxy, EndFill ends, StatusCode status, string message)
    {
        await ImportOneKnownYearAsync("FLE", "fl_ecom", "fl_goods");
        long before = await VersionOf("FLE");

        var error = await Assert.ThrowsAsync<RpcException>(() => Describe.FillAsync(
            new FillRequest { Indicator = indicator, Economies = { "FLE" }, Method = method, Proxy = proxy, Ends = ends }).ResponseAsync);

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(message, error.Status.Detail);
        Assert.Equal(before, await VersionOf("FLE"));
    }
}
