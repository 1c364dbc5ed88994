using System.Text.Json;
using TradeGrid.Api.V1;

namespace TradeGrid.Bench;

/// <summary>
/// Checks that the server and pandas computed the same numbers (every year's totals, every economy-year share,
/// every aggregate column, every contribution), so that the timings compare the same computation.
/// </summary>
internal sealed class DescribeAgreement
{
    public const double Tolerance = 1e-9;

    private readonly List<string> _failures = [];

    public double MaxRelative { get; private set; }

    public int Compared { get; private set; }

    public static DescribeAgreement Share(ShareResponse server, JsonElement pandas)
    {
        var check = new DescribeAgreement();
        int[] years = Ints(pandas.GetProperty("years"));
        double[] totals = Doubles(pandas.GetProperty("total"));
        int[] present = Ints(pandas.GetProperty("present"));
        check.Equal("years", server.Years.Count, years.Length);
        var byYear = server.Years.ToDictionary(y => y.Year);
        for (int t = 0; t < years.Length; t++)
        {
            if (!byYear.TryGetValue(years[t], out ShareYear? row))
            {
                check.Fail($"share: no year {years[t]} from the server");
                continue;
            }
            check.Close($"share total {years[t]}", row.Total, totals[t]);
            check.Equal($"share members present {years[t]}", row.MembersPresent, present[t]);
        }
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (EconomyShare economy in server.Economies)
        {
            for (int i = 0; i < economy.Years.Count; i++)
            {
                shares[$"{economy.Economy}:{economy.Years[i]}"] = economy.SharePercent[i];
            }
        }
        JsonElement expected = pandas.GetProperty("economy_year_share");
        check.Equal("economy-year shares", shares.Count, expected.EnumerateObject().Count());
        foreach (JsonProperty p in expected.EnumerateObject())
        {
            if (shares.TryGetValue(p.Name, out double value))
            {
                check.Close($"share {p.Name}", value, p.Value.GetDouble());
            }
            else
            {
                check.Fail($"share: {p.Name} missing from the server");
            }
        }
        return check;
    }

    public static DescribeAgreement Aggregate(AggregateResponse server, JsonElement pandas)
    {
        var check = new DescribeAgreement();
        int[] years = Ints(pandas.GetProperty("years"));
        check.Equal("years", server.Years.Count, years.Length);
        var byYear = server.Years.ToDictionary(y => y.Year);
        for (int t = 0; t < years.Length; t++)
        {
            if (!byYear.TryGetValue(years[t], out AggregateYear? row))
            {
                check.Fail($"aggregate: no year {years[t]} from the server");
                continue;
            }
            check.Close($"sum {years[t]}", row.Sum, Nth(pandas, "sum", t));
            check.Close($"mean {years[t]}", row.Mean, Nth(pandas, "mean", t));
            check.Close($"median {years[t]}", row.Median, Nth(pandas, "median", t));
            check.Close($"weighted mean {years[t]}", row.HasWeightedMean ? row.WeightedMean : double.NaN, Nth(pandas, "weighted_mean", t));
            check.Close($"GDP coverage {years[t]}", row.HasGdpCoveragePercent ? row.GdpCoveragePercent : double.NaN, Nth(pandas, "gdp_coverage_percent", t));
            check.Equal($"present {years[t]}", row.Present, pandas.GetProperty("present")[t].GetInt32());
            check.Equal($"members {years[t]}", row.Members, pandas.GetProperty("members")[t].GetInt32());
        }
        return check;
    }

    public static DescribeAgreement Contributions(ContributionsResponse server, JsonElement pandas)
    {
        var check = new DescribeAgreement();
        check.Close("total from", server.TotalFrom, pandas.GetProperty("total_from").GetDouble());
        check.Close("total to", server.TotalTo, pandas.GetProperty("total_to").GetDouble());
        check.Close("growth %", server.GrowthPercent, pandas.GetProperty("growth_percent").GetDouble());
        var byEconomy = server.Contributions.Where(c => c.HasChange).ToDictionary(c => c.Economy, StringComparer.Ordinal);
        JsonElement expected = pandas.GetProperty("economies");
        check.Equal("economies with both years", byEconomy.Count, expected.EnumerateObject().Count());
        foreach (JsonProperty p in expected.EnumerateObject())
        {
            if (!byEconomy.TryGetValue(p.Name, out Contribution? c))
            {
                check.Fail($"contributions: {p.Name} missing from the server");
                continue;
            }
            check.Close($"change {p.Name}", c.Change, p.Value.GetProperty("change").GetDouble());
            check.Close($"share of change {p.Name}", c.HasShareOfChangePercent ? c.ShareOfChangePercent : double.NaN,
                p.Value.GetProperty("share_of_change_percent").GetDouble());
            check.Close($"pp {p.Name}", c.HasPercentagePoints ? c.PercentagePoints : double.NaN, p.Value.GetProperty("percentage_points").GetDouble());
        }
        return check;
    }

    /// <summary>Throws, naming the first differences, unless every value agreed within <see cref="Tolerance"/>.</summary>
    public void ThrowIfDifferent(string measure)
    {
        if (_failures.Count > 0)
        {
            throw new InvalidOperationException($"{measure}: the server and pandas disagree ({_failures.Count} values), so the "
                + $"timings would not compare the same computation:\n  {string.Join("\n  ", _failures.Take(10))}");
        }
    }

    private static double Nth(JsonElement pandas, string column, int t)
    {
        JsonElement v = pandas.GetProperty(column)[t];
        return v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble();
    }

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private void Close(string what, double server, double pandas)
    {
        Compared++;
        if (double.IsNaN(server) || double.IsNaN(pandas))
        {
            if (double.IsNaN(server) != double.IsNaN(pandas))
            {
                Fail($"{what}: server {server:R}, pandas {pandas:R}");
            }
            return;
        }
        double scale = Math.Max(Math.Abs(server), Math.Abs(pandas));
        double relative = scale == 0 ? 0 : Math.Abs(server - pandas) / scale;
        MaxRelative = Math.Max(MaxRelative, relative);
        if (relative > Tolerance)
        {
            Fail($"{what}: server {server:R}, pandas {pandas:R} (relative {relative:E2})");
        }
    }

    private void Equal(string what, int server, int pandas)
    {
        Compared++;
        if (server != pandas)
        {
            Fail($"{what}: server {server}, pandas {pandas}");
        }
    }

    private void Fail(string message) => _failures.Add(message);
}
