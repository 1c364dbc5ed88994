using System.CommandLine;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands.Describe;

internal static class CheckTableCommand
{
    public static Command Create()
    {
        Argument<string> economy = new("economy") { Description = "The economy holding the published table, e.g. WLD" };
        Argument<string[]> levels = new("levels") { Description = "Level indicators, one per column, e.g. PUB_GOODS_EXPORTS", Arity = ArgumentArity.OneOrMore };
        Option<string> stated = new("--stated") { Description = "Stated-rate indicator (one column only; default LEVELS_GROWTH_PCT)" };
        Option<int> fromYear = new("--from-year") { Description = "Rates over [from-year, their year] instead of over the previous year" };
        Option<bool> total = new("--total") { Description = "The stated rates are total changes over the window, not compound annual" };
        Option<int> rateDecimals = new("--rate-decimals") { Description = "Decimals printed for the rates", DefaultValueFactory = _ => 1 };
        Option<int?> levelDecimals = new("--level-decimals") { Description = "Decimals printed for the levels in the stored unit (default: exact levels)" };
        Option<bool> flaggedOnly = new("--flagged-only") { Description = "Only the rows whose stated rate does not follow from the levels" };
        Command command = new("check-table", "Recompute a published table's growth rates from its levels and flag those that do not follow")
        {
            economy, levels, stated, fromYear, total, rateDecimals, levelDecimals, flaggedOnly,
        };
        command.SetAction(async (parse, ct) =>
        {
            var n = new NumberText(parse.GetValue(GlobalOptions.Output));
            var request = new CheckPublishedGrowthRequest
            {
                Economy = parse.GetValue(economy) ?? string.Empty,
                RateDecimals = parse.GetValue(rateDecimals),
                FlaggedOnly = parse.GetValue(flaggedOnly),
            };
            if (parse.GetValue(levelDecimals) is int decimals)
            {
                request.LevelDecimals = decimals;
            }
            foreach (string code in DescribeOptions.Split(parse.GetValue(levels)))
            {
                request.Columns.Add(new PublishedColumn
                {
                    LevelsIndicator = code,
                    StatedIndicator = parse.GetValue(stated) ?? string.Empty,
                    FromYear = parse.GetValue(fromYear),
                    Form = parse.GetValue(total) ? StatedForm.Total : StatedForm.Compound,
                });
            }
            CheckPublishedGrowthResponse response = await new DescribeService.DescribeServiceClient(GlobalOptions.Channel(parse)).CheckPublishedGrowthAsync(request, cancellationToken: ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response,
                ["row", "from", "to", "stated_%", "recomputed_%", "low_%", "high_%", "flagged"],
                response.Rows.Select(r => new[]
                {
                    r.Label, NumberText.Year(r.FromYear), NumberText.Year(r.ToYear), n.Of(r.StatedPercent),
                    n.Of(r.RecomputedPercent), n.Of(r.LowPercent), n.Of(r.HighPercent), r.Flagged ? "FLAGGED" : "",
                }),
                $"{response.Economy}: {response.FlaggedCount} stated rate(s) do not follow from the levels");
            return 0;
        });
        return command;
    }
}
