using System.CommandLine;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands.Describe;

internal static class GrowthCommand
{
    public static Command Create()
    {
        Argument<string> indicator = new("indicator") { Description = "Indicator code, e.g. PUB_DIGITAL_TRADE" };
        Argument<string[]> economies = DescribeOptions.Economies();
        Option<string> group = DescribeOptions.Group();
        Option<int> from = DescribeOptions.From();
        Option<int> to = DescribeOptions.To();
        Option<bool> yearly = new("--yearly") { Description = "With --from and --to: print the year-on-year rows instead of the period growth" };
        Command command = new("growth", "Year-on-year growth, and total, compound annual (CAGR) and log growth over --from..--to")
        {
            indicator, economies, group, from, to, yearly,
        };
        command.SetAction(async (parse, ct) =>
        {
            var n = new NumberText(parse.GetValue(GlobalOptions.Output));
            var client = new DescribeService.DescribeServiceClient(GlobalOptions.Channel(parse));
            var request = new GrowthRequest
            {
                Indicator = parse.GetValue(indicator) ?? string.Empty,
                Group = parse.GetValue(group) ?? string.Empty,
                From = parse.GetValue(from),
                To = parse.GetValue(to),
            };
            request.Economies.AddRange(DescribeOptions.Split(parse.GetValue(economies)));
            GrowthResponse response = await client.GrowthAsync(request, cancellationToken: ct);
            OutputFormat format = parse.GetValue(GlobalOptions.Output);
            string title = $"{response.Indicator} ({response.Unit})";
            if (request.From != 0 && request.To != 0 && !parse.GetValue(yearly))
            {
                ResultWriter.Write(format, response, ["economy", "from", "to", "from_value", "to_value", "total_%", "cagr_%", "log_%_per_year", "note"],
                    response.Economies.Select(e => e.Period is { } p
                        ? new[]
                        {
                            e.Economy, NumberText.Year(p.FromYear), NumberText.Year(p.ToYear), n.Of(p.FromValue), n.Of(p.ToValue),
                            n.Of(p.TotalPercent), n.Of(p.CagrPercent), n.Of(p.LogPercentPerYear), string.Empty,
                        }
                        : [e.Economy, NumberText.Year(request.From), NumberText.Year(request.To), "", "", "", "", "", e.Note]),
                    title);
                return 0;
            }
            ResultWriter.Write(format, response, ["economy", "year", "value", "yoy_%", "log_%"],
                response.Economies.SelectMany(e => e.Points.Select(p => new[]
                {
                    e.Economy, NumberText.Year(p.Year), n.Of(p.Value),
                    n.Of(p.HasYoyPercent, p.YoyPercent), n.Of(p.HasLogPercent, p.LogPercent),
                })),
                title);
            return 0;
        });
        return command;
    }
}
