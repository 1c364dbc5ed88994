using System.Text.Json;
using TradeGrid.Numerics.Describe;
using TradeGrid.Numerics.Tests.Support;

namespace TradeGrid.Numerics.Tests.Describe;

/// <summary>
/// The seeds' own arithmetic: the ITC Global Digital Trade Report 2025, chapter 1, and the RCEP paper's Table 1
/// (section 2.1). fixtures/describe/published.json holds the printed numbers with page/section, and the script's
/// own recomputation; the flagged rows are also listed here literally so that a change in the rule shows in review.
/// </summary>
public sealed class PublishedFiguresTests
{
    // Same formulas on the same printed numbers; pow from two libms.
    private const double RecomputeTolerance = 1e-12;

    // A share is printed with one decimal: true to half a unit of it.
    private const double HalfUnitOfOneDecimal = 0.05;

    [Fact]
    public void Itc_world_digital_trade_2020_to_2024_growth_and_cagr_follow_from_its_levels()
    {
        // "increased 58% from $4.59 trillion in 2020 to a projected $7.23 trillion in 2024 ... average annual growth rate of 12.1%"
        PeriodGrowth world = Growth.Period("WLD", 2020, 4.59, 2024, 7.23);

        AssertClose.Relative(57.516339869281062, world.TotalPercent, RecomputeTolerance, "total growth");
        AssertClose.Relative(12.029243401453726, world.CagrPercent, RecomputeTolerance, "CAGR");
        Assert.Equal("58", world.TotalPercent.ToString("F0", System.Globalization.CultureInfo.InvariantCulture));
        // 12.03 prints as 12.0, not the stated 12.1: only the rounding of the levels themselves makes 12.1 reachable.
        Assert.Equal("12.0", world.CagrPercent.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Itc_growth_claims_are_checked_as_the_script_checks_them()
    {
        foreach (JsonElement claim in Fixture.Load("describe/published").GetProperty("itc").GetProperty("growth").EnumerateArray())
        {
            GrowthCheck check = PublishedTableCheck.Check(Stated(claim));

            string label = check.Label;
            AssertClose.Relative(claim.GetProperty("recomputed").GetDouble(), check.RecomputedPercent, RecomputeTolerance, $"{label} recomputed");
            AssertClose.Relative(claim.GetProperty("low").GetDouble(), check.LowPercent, RecomputeTolerance, $"{label} low");
            AssertClose.Relative(claim.GetProperty("high").GetDouble(), check.HighPercent, RecomputeTolerance, $"{label} high");
            Assert.True(claim.GetProperty("flagged").GetBoolean() == check.Flagged, $"{label}: flagged {check.Flagged}");
        }
    }

    [Fact]
    public void Itc_flags_the_digitally_ordered_cagr_stated_from_1_85_trillion_and_with_exact_levels_four_more()
    {
        StatedGrowth[] claims = Fixture.Load("describe/published").GetProperty("itc").GetProperty("growth").EnumerateArray().Select(Stated).ToArray();

        string[] flagged = claims.Select(PublishedTableCheck.Check).Where(c => c.Flagged).Select(c => c.Label).ToArray();
        string[] flaggedExact = claims.Select(c => PublishedTableCheck.Check(c with { LevelDecimals = null })).Where(c => c.Flagged).Select(c => c.Label).ToArray();

        Assert.Equal(["Digitally ordered trade from 1.85, average annual growth (p. 3)"], flagged);
        Assert.Equal(
            [
                "World digital trade, average annual growth",
                "Digitally delivered trade, average annual growth (p. 4)",
                "Digitally ordered trade from 1.41, average annual growth (p. 1)",
                "Digitally ordered trade from 1.85, average annual growth (p. 3)",
                "Top-10 digitally ordered exports, average annual growth",
            ],
            flaggedExact);
    }

    [Fact]
    public void Itc_shares_of_world_trade_and_of_digital_trade_follow_from_its_levels()
    {
        foreach (JsonElement s in Fixture.Load("describe/published").GetProperty("itc").GetProperty("shares").EnumerateArray())
        {
            double share = Share.Percent([s.GetProperty("numerator").GetDouble()], [s.GetProperty("denominator").GetDouble()])[0];

            string label = s.GetProperty("label").GetString()!; // written by the script
            AssertClose.Relative(s.GetProperty("recomputed").GetDouble(), share, RecomputeTolerance, label);
            AssertClose.Absolute(s.GetProperty("stated").GetDouble(), share, HalfUnitOfOneDecimal, label);
        }
    }

    [Fact]
    public void Itc_contributions_of_china_and_india_do_not_follow_from_their_stated_market_shares()
    {
        // p. 6: top-10 exports rose by $1.68 trillion; CHN 13.9% and IND 8.8% of that growth. The same page gives their
        // shares of world digital trade (9.2% → 10.3%, 3.2% → 4.3%) of $4.59 → $7.23 trillion (p. 1).
        foreach (JsonElement c in Fixture.Load("describe/published").GetProperty("itc").GetProperty("contributions").EnumerateArray())
        {
            string economy = c.GetProperty("economy").GetString()!; // written by the script
            double from = c.GetProperty("shareFrom").GetDouble() / 100.0 * 4.59;
            double to = c.GetProperty("shareTo").GetDouble() / 100.0 * 7.23;

            // Any positive top-10 total with a change of 1.68 gives the same share of the change.
            ContributionTable t = Contributions.Between("TOP10", 2020, 2024, [economy], [from], [to], 10.0, 11.68);

            AssertClose.Relative(c.GetProperty("implied").GetDouble(), t.ShareOfChangePercent[0], RecomputeTolerance, economy);
            double stated = c.GetProperty("stated").GetDouble();
            Assert.True(stated < c.GetProperty("low").GetDouble() - HalfUnitOfOneDecimal, $"{economy}: stated {stated} within the rounding of the implied {t.ShareOfChangePercent[0]:F1}");
        }
    }

    [Fact]
    public void Rcep_table_1_growth_columns_are_checked_as_the_script_checks_them()
    {
        foreach (JsonElement column in Fixture.Load("describe/published").GetProperty("rcep").GetProperty("columns").EnumerateArray())
        {
            GrowthCheck[] checks = Check(column);

            JsonElement[] rows = column.GetProperty("rows").EnumerateArray().ToArray();
            Assert.Equal(rows.Length, checks.Length);
            for (int i = 0; i < rows.Length; i++)
            {
                Assert.Equal(rows[i].GetProperty("label").GetString(), checks[i].Label);
                AssertClose.Relative(rows[i].GetProperty("recomputed").GetDouble(), checks[i].RecomputedPercent, RecomputeTolerance, checks[i].Label);
                AssertClose.Relative(rows[i].GetProperty("low").GetDouble(), checks[i].LowPercent, RecomputeTolerance, checks[i].Label);
                AssertClose.Relative(rows[i].GetProperty("high").GetDouble(), checks[i].HighPercent, RecomputeTolerance, checks[i].Label);
                Assert.True(rows[i].GetProperty("flagged").GetBoolean() == checks[i].Flagged, $"{checks[i].Label}: flagged {checks[i].Flagged}");
            }
        }
    }

    [Fact]
    public void Rcep_table_1_flags_goods_2024_and_2025_and_services_2025()
    {
        string[] flagged = Fixture.Load("describe/published").GetProperty("rcep").GetProperty("columns").EnumerateArray()
            .SelectMany(Check).Where(c => c.Flagged).Select(c => $"{c.Label}: stated {c.StatedPercent}, levels give {c.RecomputedPercent:F2}").ToArray();

        Assert.Equal(
            [
                "export of goods 2024: stated 2.1, levels give 19.90",
                "export of goods 2025: stated 2.4, levels give 2.05",
                "service exports 2025: stated 4.6, levels give -3.58",
            ],
            flagged);
    }

    private static GrowthCheck[] Check(JsonElement column) => PublishedTableCheck.YearOnYear(
        column.GetProperty("label").GetString()!, // written by the script
        column.GetProperty("years").Ints(),
        column.GetProperty("levels").Doubles(),
        column.GetProperty("stated").Doubles(),
        rateDecimals: 1,
        levelDecimals: 0);

    private static StatedGrowth Stated(JsonElement claim) => new(
        claim.GetProperty("label").GetString()!, // written by the script
        claim.GetProperty("fromYear").GetInt32(),
        claim.GetProperty("fromLevel").GetDouble(),
        claim.GetProperty("toYear").GetInt32(),
        claim.GetProperty("toLevel").GetDouble(),
        claim.GetProperty("stated").GetDouble(),
        claim.GetProperty("rateDecimals").GetInt32(),
        claim.GetProperty("levelDecimals").ValueKind == JsonValueKind.Null ? null : claim.GetProperty("levelDecimals").GetInt32(),
        Enum.Parse<GrowthForm>(claim.GetProperty("form").GetString()!)); // written by the script
}
