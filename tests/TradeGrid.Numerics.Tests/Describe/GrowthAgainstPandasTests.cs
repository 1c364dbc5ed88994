using System.Text.Json;
using TradeGrid.Numerics.Describe;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Describe;

public sealed class GrowthAgainstPandasTests
{
    // fixtures/describe/growth.json comes from make_fixtures.py beside it: pandas pct_change on the series reindexed to
    // every year, numpy log/diff and ** for the period rates; real cases read UNCTAD and WDI at fixture-build time.
    // The same formula as pandas: cancellation in x/x₀ − 1 costs ~1e−14 absolute, ≤ 1e−10 relative on rates ≥ 0.01%.
    private const double RateTolerance = 1e-10;

    // pow and log from two libms differ by an ulp or two.
    private const double PeriodTolerance = 1e-12;

    // x/y and x − y are single IEEE operations on the same inputs: identical up to the fixture's 17 digits.
    private const double PairTolerance = 1e-15;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in Fixture.Load("describe/growth").GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!); // names are always written by the script
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Year_on_year_and_log_growth_match_pandas(string name)
    {
        JsonElement c = Case(name);
        int[] years = c.GetProperty("years").Ints();
        double[] values = c.GetProperty("values").Doubles();

        double[] yoy = Growth.YearOnYear(years, values);
        double[] log = Growth.YearOnYearLog(years, values);

        SeriesAssert.Relative(c.GetProperty("yoy").Doubles(), yoy, RateTolerance, $"{name} yoy");
        SeriesAssert.Relative(c.GetProperty("logYoy").Doubles(), log, RateTolerance, $"{name} log yoy");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Period_growth_matches_numpy(string name)
    {
        JsonElement c = Case(name);
        int[] years = c.GetProperty("years").Ints();
        double[] values = c.GetProperty("values").Doubles();

        foreach (JsonElement p in c.GetProperty("periods").EnumerateArray())
        {
            int from = p.GetProperty("from").GetInt32();
            int to = p.GetProperty("to").GetInt32();

            PeriodGrowth growth = Growth.Period(name, years, values, from, to);

            AssertClose.Relative(p.GetProperty("total").GetDouble(), growth.TotalPercent, PeriodTolerance, $"{name} {from}-{to} total");
            AssertClose.Relative(p.GetProperty("cagr").GetDouble(), growth.CagrPercent, PeriodTolerance, $"{name} {from}-{to} CAGR");
            AssertClose.Relative(p.GetProperty("log").GetDouble(), growth.LogPercentPerYear, PeriodTolerance, $"{name} {from}-{to} log");
        }
    }

    [Fact]
    public void Ratio_and_balance_match_pandas()
    {
        JsonElement pairs = Fixture.Load("describe/growth").GetProperty("pairs");

        foreach (JsonElement e in pairs.GetProperty("economies").EnumerateArray())
        {
            string economy = e.GetProperty("economy").GetString()!; // written by the script
            double[] ratio = SeriesPair.Ratio(e.GetProperty("ict").Doubles(), e.GetProperty("exports").Doubles());
            double[] balance = SeriesPair.Balance(e.GetProperty("exports").Doubles(), e.GetProperty("imports").Doubles());

            SeriesAssert.Relative(e.GetProperty("ratio").Doubles(), ratio, PairTolerance, $"{economy} ICT / digital exports");
            SeriesAssert.Relative(e.GetProperty("balance").Doubles(), balance, PairTolerance, $"{economy} balance");
        }
    }

    [Fact]
    public void At_aligns_a_series_on_other_years_with_gaps_as_missing()
    {
        double[] aligned = SeriesPair.At([2001, 2003, 2004], [1.0, 3.0, 4.0], [2000, 2003, 2004, 2005]);

        SeriesAssert.Relative([double.NaN, 3.0, 4.0, double.NaN], aligned, 0.0, "aligned");
    }

    private static JsonElement Case(string name) =>
        Fixture.Load("describe/growth").GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
