using System.CommandLine;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands.Describe;

internal static class AggregateCommand
{
    public static Command Create()
    {
        Argument<string> indicator = new("indicator") { Description = "Indicator code, e.g. rgdpna" };
        Argument<string[]> economies = DescribeOptions.Economies();
        Option<string> group = DescribeOptions.Group();
        Option<string> weight = new("--weight") { Description = "Weight of the weighted mean, e.g. pop" };
        Option<string> gdp = new("--gdp") { Description = "GDP indicator for the coverage (default cgdpo)" };
        Option<int> from = DescribeOptions.From();
        Option<int> to = DescribeOptions.To();
        Command command = new("aggregate", "Sum, mean, median and weighted mean over a group per year, with its coverage")
        {
            indicator, economies, group, weight, gdp, from, to,
        };
        command.SetAction(async (parse, ct) =>
        {
            var n = new NumberText(parse.GetValue(GlobalOptions.Output));
            var request = new AggregateRequest
            {
                Indicator = parse.GetValue(indicator) ?? string.Empty,
                Group = parse.GetValue(group) ?? string.Empty,
                WeightIndicator = parse.GetValue(weight) ?? string.Empty,
                GdpIndicator = parse.GetValue(gdp) ?? string.Empty,
                From = parse.GetValue(from),
                To = parse.GetValue(to),
            };
            request.Economies.AddRange(DescribeOptions.Split(parse.GetValue(economies)));
            AggregateResponse response = await new DescribeService.DescribeServiceClient(GlobalOptions.Channel(parse)).AggregateAsync(request, cancellationToken: ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response,
                ["year", "sum", "mean", "median", "weighted_mean", "present", "members", "gdp_coverage_%"],
                response.Years.Select(y => new[]
                {
                    NumberText.Year(y.Year), n.Of(y.Sum), n.Of(y.Mean), n.Of(y.Median),
                    n.Of(y.HasWeightedMean, y.WeightedMean), NumberText.Year(y.Present), NumberText.Year(y.Members),
                    n.Of(y.HasGdpCoveragePercent, y.GdpCoveragePercent),
                }),
                $"{response.Indicator} over {response.Group} (coverage by {response.GdpIndicator})");
            return 0;
        });
        return command;
    }
}
