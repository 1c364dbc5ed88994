using System.CommandLine;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands.Describe;

internal static class ContributionsCommand
{
    public static Command Create()
    {
        Argument<string> indicator = new("indicator") { Description = "Indicator code, e.g. exports" };
        Argument<string[]> economies = DescribeOptions.Economies();
        Option<string> group = DescribeOptions.Group();
        Option<int> from = new("--from") { Description = "Start year", Required = true };
        Option<int> to = new("--to") { Description = "End year", Required = true };
        Option<bool> published = new("--published") { Description = "The total is the group's own published series, not its members' sum" };
        Option<string> totalIndicator = new("--total-indicator") { Description = "With --published: the total's indicator" };
        Command command = new("contributions", "Each member's contribution to the growth of the group total between two years")
        {
            indicator, economies, group, from, to, published, totalIndicator,
        };
        command.SetAction(async (parse, ct) =>
        {
            var n = new NumberText(parse.GetValue(GlobalOptions.Output));
            var request = new ContributionsRequest
            {
                Indicator = parse.GetValue(indicator) ?? string.Empty,
                Group = parse.GetValue(group) ?? string.Empty,
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                Total = parse.GetValue(published) ? TotalSource.Published : TotalSource.MembersSum,
                TotalIndicator = parse.GetValue(totalIndicator) ?? string.Empty,
            };
            request.Economies.AddRange(DescribeOptions.Split(parse.GetValue(economies)));
            ContributionsResponse response = await new DescribeService.DescribeServiceClient(GlobalOptions.Channel(parse)).ContributionsAsync(request, cancellationToken: ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response,
                ["economy", "from_value", "to_value", "change", "share_of_change_%", "percentage_points"],
                response.Contributions.Select(c => new[]
                {
                    c.Economy, n.Of(c.HasFromValue, c.FromValue), n.Of(c.HasToValue, c.ToValue),
                    n.Of(c.HasChange, c.Change), n.Of(c.HasShareOfChangePercent, c.ShareOfChangePercent),
                    n.Of(c.HasPercentagePoints, c.PercentagePoints),
                }),
                $"{response.Indicator} over {response.Group}, {response.From}–{response.To}: total {n.Of(response.TotalFrom)} → {n.Of(response.TotalTo)} ({n.Of(response.GrowthPercent)}%)");
            return 0;
        });
        return command;
    }
}
