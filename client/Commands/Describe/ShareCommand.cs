using System.CommandLine;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands.Describe;

internal static class ShareCommand
{
    public static Command Create()
    {
        Argument<string> indicator = new("indicator") { Description = "Indicator code, e.g. rgdpna" };
        Argument<string[]> economies = DescribeOptions.Economies();
        Option<string> group = DescribeOptions.Group();
        group.DefaultValueFactory = _ => "WLD";
        Option<bool> published = new("--published") { Description = "Divide by the group's own published series (e.g. WLD's figure) instead of its members' sum" };
        Option<string> totalIndicator = new("--total-indicator") { Description = "With --published: the total's indicator, e.g. PUB_DIGITAL_TRADE" };
        Option<int> from = DescribeOptions.From();
        Option<int> to = DescribeOptions.To();
        Command command = new("share", "Share of one or several economies in a group's or the world's total, per year")
        {
            indicator, economies, group, published, totalIndicator, from, to,
        };
        command.SetAction(async (parse, ct) =>
        {
            var n = new NumberText(parse.GetValue(GlobalOptions.Output));
            var client = new DescribeService.DescribeServiceClient(GlobalOptions.Channel(parse));
            var request = new ShareRequest
            {
                Indicator = parse.GetValue(indicator) ?? string.Empty,
                Group = parse.GetValue(group) ?? string.Empty,
                Total = parse.GetValue(published) ? TotalSource.Published : TotalSource.MembersSum,
                TotalIndicator = parse.GetValue(totalIndicator) ?? string.Empty,
                From = parse.GetValue(from),
                To = parse.GetValue(to),
            };
            request.Economies.AddRange(DescribeOptions.Split(parse.GetValue(economies)));
            ShareResponse response = await client.ShareAsync(request, cancellationToken: ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, ["year", "value", "total", "share_%", "economies_present", "members_present", "members"],
                response.Years.Select(y => new[]
                {
                    NumberText.Year(y.Year), n.Of(y.Value), n.Of(y.Total), n.Of(y.HasSharePercent, y.SharePercent),
                    NumberText.Year(y.EconomiesPresent), NumberText.Year(y.MembersPresent), NumberText.Year(y.Members),
                }),
                $"{string.Join("+", request.Economies)} in {response.Group} ({response.Indicator}, total: {(response.Total == TotalSource.Published ? "published" : "members' sum")})");
            return 0;
        });
        return command;
    }
}
