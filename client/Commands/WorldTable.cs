using System.Globalization;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

/// <summary>The world pipeline's answer as a table per year (table or CSV), and its CSV files.</summary>
internal static class WorldTable
{
    private static readonly string[] YearHeaders =
    [
        "year", "covered_gdp_share", "covered_trade_share", "scaling_share", "reported", "filled", "estimated", "not_predictable",
        "reported_total", "estimated_total", "world", "world_se", "world_lower", "world_upper", "world_share", "world_source",
    ];

    public static void Write(OutputFormat format, EstimateWorldResponse response)
    {
        string pct = (response.Level * 100).ToString("0.##", CultureInfo.InvariantCulture);
        string[] headers = format == OutputFormat.Table
            ? ["year", "GDP/trade cov.", "s", "r/f/e/na", "world", $"{pct}% interval", "share"]
            : YearHeaders;
        IEnumerable<string[]> rows = format == OutputFormat.Table
            ? response.Years.Select(y => new[]
            {
                Int(y.Year), $"{Pct(y.CoveredGdpShare)}/{Pct(y.CoveredTradeShare)}", Pct(y.ScalingShare),
                $"{y.Reported}/{y.Filled}/{y.Estimated}/{y.NotPredictable}", G(y.World), $"{G(y.WorldLower)}–{G(y.WorldUpper)}",
                Pct(y.WorldShare),
            })
            : response.Years.Select(YearRow);
        string title = $"world {response.ShareIndicator} x {response.TradeIndicator}, scaled by {response.Scaling} share ({response.GdpIndicator}, {response.TradeIndicator})";
        ResultWriter.Write(format, response, headers, rows, title);
        if (format != OutputFormat.Table)
        {
            return;
        }

        ModelFit fit = response.Fit;
        Console.Out.WriteLine($"share model: logit({response.ShareIndicator}) = "
            + string.Join(" + ", fit.Coefficients.Select(c => $"{G(c.Estimate)}·{c.Name} (SE {G(c.StdError)})"))
            + $"; N = {fit.Observations}, residual df = {fit.ResidualDf}, R² = {G(fit.RSquared)}, σ = {G(fit.Sigma)}");
        Console.Out.WriteLine($"world totals: {string.Join("; ", response.Years.Select(y => y.WorldSource).Distinct())}; drivers as of up to {response.DriverMaxAge} years before");
        foreach (IGrouping<string, WorldEconomyYear> reason in response.Economies
            .Where(e => e.Coverage == CoverageKind.NotPredictable).GroupBy(e => e.Reason).OrderByDescending(g => g.Count()).Take(5))
        {
            Console.Out.WriteLine($"not predictable ({reason.Count()}): {reason.Key}: {string.Join(", ", reason.Select(e => e.Economy).Distinct().Take(6))}…");
        }
    }

    public static IEnumerable<string> YearsCsv(EstimateWorldResponse response) =>
        response.Years.Select(YearRow).Select(r => string.Join(",", r)).Prepend(string.Join(",", YearHeaders));

    public static IEnumerable<string> EconomiesCsv(EstimateWorldResponse response) =>
        response.Economies.Select(e => string.Join(",",
            e.Economy, Int(e.Year), e.Coverage.ToString(), ResultWriter.Number(e.Share), ResultWriter.Number(e.Value), ResultWriter.Number(e.ValueSe),
            ResultWriter.Number(e.ShareLower), ResultWriter.Number(e.ShareUpper), ResultWriter.Number(e.Gdp), ResultWriter.Number(e.Trade),
            e.Hidden ? "true" : "false", e.HasHiddenShare ? ResultWriter.Number(e.HiddenShare) : "", "\"" + e.Reason.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))
        .Prepend("economy,year,coverage,share,value,value_se,share_lower,share_upper,gdp,trade,hidden,hidden_share,reason");

    private static string[] YearRow(WorldYear y) =>
    [
        Int(y.Year), ResultWriter.Number(y.CoveredGdpShare), ResultWriter.Number(y.CoveredTradeShare), ResultWriter.Number(y.ScalingShare),
        Int(y.Reported), Int(y.Filled), Int(y.Estimated), Int(y.NotPredictable), ResultWriter.Number(y.ReportedTotal),
        ResultWriter.Number(y.EstimatedTotal), ResultWriter.Number(y.World), ResultWriter.Number(y.WorldSe), ResultWriter.Number(y.WorldLower),
        ResultWriter.Number(y.WorldUpper), ResultWriter.Number(y.WorldShare), y.WorldSource,
    ];

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string G(double value) => CompactNumber.Format(value);

    private static string Pct(double share) => double.IsNaN(share) ? "–" : (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
