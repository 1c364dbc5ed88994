using System.Text.Json;
using TradeGrid.Domain;
using TradeGrid.Numerics.Describe;
using TradeGrid.Numerics.Fill;
using TradeGrid.Numerics.Tests.Describe;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Fill;

public sealed class GapFillAgainstPandasTests
{
    // fixtures/describe/fill.json comes from make_fixtures.py: proxy fills chain the proxy's pct_change year by year
    // (GapFill uses the telescoped level ratio), spread rescales that chain, linear is pandas interpolate(method="index"),
    // log-linear the same on logs; ends by numpy. A chain of up to 20 rounded ratios: ~20 ulps.
    private const double ChainTolerance = 1e-12;

    // exp(log-interpolation) against x_a·(x_b/x_a)^f: an ulp of the log (≈ 15) becomes ~1e−14 relative.
    private const double InterpolationTolerance = 1e-12;

    // Growth recomputed from filled values against the proxy's: x_t/x_{t−1} − 1 cancels to ~1e−14 on rates ≥ 1%.
    private const double GrowthTolerance = 1e-10;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in Fixture.Load("describe/fill").GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!); // written by the script
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Proxy_chain_and_spread_match_the_chained_reference(string name)
    {
        (int[] years, double[] target, double[] proxy, JsonElement c) = Load(name);

        FilledSeries chain = GapFill.ByProxy("CHN", years, target, proxy, BetweenKnown.Chain);
        FilledSeries spread = GapFill.ByProxy("CHN", years, target, proxy, BetweenKnown.Spread);

        SeriesAssert.Relative(c.GetProperty("chain").Doubles(), chain.Values, ChainTolerance, $"{name} chain");
        SeriesAssert.Relative(c.GetProperty("spread").Doubles(), spread.Values, ChainTolerance, $"{name} spread");
        AssertTags(years, target, chain, FillMethod.ProxyChain, FillMethod.ProxyExtrapolation);
        AssertTags(years, target, spread, FillMethod.ProxySpread, FillMethod.ProxyExtrapolation);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Linear_and_log_linear_interpolation_match_pandas(string name)
    {
        (int[] years, double[] target, double[] proxy, JsonElement c) = Load(name);

        FilledSeries linear = GapFill.Interpolate("CHN", years, target, InterpolationKind.Linear, EndFill.None);
        FilledSeries log = GapFill.Interpolate("CHN", years, target, InterpolationKind.LogLinear, EndFill.None);
        FilledSeries linearProxyEnds = GapFill.Interpolate("CHN", years, target, InterpolationKind.Linear, EndFill.Proxy, proxy);

        SeriesAssert.Relative(c.GetProperty("linear").Doubles(), linear.Values, InterpolationTolerance, $"{name} linear");
        SeriesAssert.Relative(c.GetProperty("logLinear").Doubles(), log.Values, InterpolationTolerance, $"{name} log-linear");
        SeriesAssert.Relative(c.GetProperty("linearProxyEnds").Doubles(), linearProxyEnds.Values, ChainTolerance, $"{name} proxy ends");
        AssertTags(years, target, linearProxyEnds, FillMethod.Linear, FillMethod.ProxyExtrapolation);
        AssertTags(years, target, log, FillMethod.LogLinear, FillMethod.NotFilled);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cagr_extrapolation_matches_numpy_when_two_values_are_known(string name)
    {
        (int[] years, double[] target, _, JsonElement c) = Load(name);
        if (!c.TryGetProperty("logLinearCagrEnds", out JsonElement expected))
        {
            Assert.Throws<InsufficientDataException>(() => GapFill.Interpolate("CHN", years, target, InterpolationKind.LogLinear, EndFill.LastCagr));
            return;
        }

        FilledSeries filled = GapFill.Interpolate("CHN", years, target, InterpolationKind.LogLinear, EndFill.LastCagr);

        SeriesAssert.Relative(expected.Doubles(), filled.Values, InterpolationTolerance, $"{name} CAGR ends");
        AssertTags(years, target, filled, FillMethod.LogLinear, FillMethod.CagrExtrapolation);
    }

    [Fact]
    public void Itc_box_2_one_known_year_reproduces_the_proxys_growth_exactly()
    {
        // "If an economy's cross-border e-commerce volume is available for only one year, the report interpolates the
        // remaining values using the growth rate of its merchandise trade" (ITC report, Box 2).
        (int[] years, double[] target, double[] proxy, _) = Load(Fixture.Load("describe/fill").GetProperty("cases")[0].GetProperty("name").GetString()!);
        Assert.Single(target, v => !double.IsNaN(v));

        FilledSeries filled = GapFill.ByProxy("CHN", years, target, proxy, BetweenKnown.Chain);

        SeriesAssert.Relative(Growth.YearOnYear(years, proxy), Growth.YearOnYear(years, filled.Values), GrowthTolerance, "growth of the filled series");
        Assert.Equal(years.Length - 1, filled.Flags.Count(f => f == FillFlag.Estimated));
    }

    [Fact]
    public void Spread_keeps_both_known_values_and_chain_jumps_where_the_chains_meet()
    {
        int[] years = [2000, 2001, 2002, 2003, 2004];
        double[] target = [100.0, double.NaN, double.NaN, double.NaN, 150.0];
        double[] proxy = [10.0, 11.0, 12.0, 13.0, 14.0];

        FilledSeries spread = GapFill.ByProxy("X", years, target, proxy, BetweenKnown.Spread);
        FilledSeries chain = GapFill.ByProxy("X", years, target, proxy, BetweenKnown.Chain);

        // r = (150/100)/(14/10); each year grows at the proxy's rate times r^(1/4).
        double r = 1.5 / 1.4;
        for (int t = 1; t < 4; t++)
        {
            AssertClose.Relative(100.0 * proxy[t] / 10.0 * Math.Pow(r, t / 4.0), spread.Values[t], ChainTolerance, $"spread {years[t]}");
        }
        AssertClose.Relative(110.0, chain.Values[1], ChainTolerance, "2001 from 2000");
        AssertClose.Relative(120.0, chain.Values[2], ChainTolerance, "2002: a tie chains from the earlier year");
        AssertClose.Relative(150.0 * 13.0 / 14.0, chain.Values[3], ChainTolerance, "2003 from 2004");
        Assert.Equal([FillFlag.Observed, FillFlag.Interpolated, FillFlag.Interpolated, FillFlag.Interpolated, FillFlag.Observed], spread.Flags);
    }

    private static void AssertTags(int[] years, double[] target, FilledSeries filled, FillMethod inside, FillMethod outside)
    {
        int first = Array.FindIndex(target, v => !double.IsNaN(v));
        int last = Array.FindLastIndex(target, v => !double.IsNaN(v));
        for (int t = 0; t < years.Length; t++)
        {
            (FillMethod method, FillFlag flag) expected =
                !double.IsNaN(target[t]) ? (FillMethod.Observed, FillFlag.Observed)
                : t > first && t < last ? (inside, FillFlag.Interpolated)
                : outside == FillMethod.NotFilled ? (FillMethod.NotFilled, FillFlag.Missing)
                : (outside, FillFlag.Estimated);
            Assert.True(expected == (filled.Methods[t], filled.Flags[t]), $"{years[t]}: expected {expected}, got ({filled.Methods[t]}, {filled.Flags[t]})");
        }
    }

    private static (int[] Years, double[] Target, double[] Proxy, JsonElement Case) Load(string name)
    {
        JsonElement c = Fixture.Load("describe/fill").GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        return (c.GetProperty("years").Ints(), c.GetProperty("target").Doubles(), c.GetProperty("proxy").Doubles(), c);
    }
}
