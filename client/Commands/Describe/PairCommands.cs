using System.CommandLine;
using Google.Protobuf;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands.Describe;

/// <summary>The ratio and balance commands: two indicators of each economy combined per year.</summary>
internal static class PairCommands
{
    public static Command Ratio()
    {
        Argument<string> numerator = new("numerator") { Description = "Numerator indicator, e.g. exports" };
        Argument<string> denominator = new("denominator") { Description = "Denominator indicator, e.g. cgdpo" };
        Argument<string[]> economies = DescribeOptions.Economies();
        Option<string> group = DescribeOptions.Group();
        Option<bool> percent = new("--percent") { Description = "In % (× 100) rather than as a fraction" };
        Option<int> from = DescribeOptions.From();
        Option<int> to = DescribeOptions.To();
        Command command = new("ratio", "numerator / denominator per economy and year (e.g. digitalization ratio)") { numerator, denominator, economies, group, percent, from, to };
        command.SetAction(async (parse, ct) =>
        {
            var n = new NumberText(parse.GetValue(GlobalOptions.Output));
            var request = new RatioRequest
            {
                Numerator = parse.GetValue(numerator) ?? string.Empty,
                Denominator = parse.GetValue(denominator) ?? string.Empty,
                Group = parse.GetValue(group) ?? string.Empty,
                Percent = parse.GetValue(percent),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
            };
            request.Economies.AddRange(DescribeOptions.Split(parse.GetValue(economies)));
            RatioResponse response = await new DescribeService.DescribeServiceClient(GlobalOptions.Channel(parse)).RatioAsync(request, cancellationToken: ct);
            Write(parse, n, response, response.Economies, [request.Numerator, request.Denominator, request.Percent ? "ratio_%" : "ratio"]);
            return 0;
        });
        return command;
    }

    public static Command Balance()
    {
        Argument<string> exports = new("exports") { Description = "Exports indicator, e.g. exports" };
        Argument<string> imports = new("imports") { Description = "Imports indicator, e.g. imports" };
        Argument<string[]> economies = DescribeOptions.Economies();
        Option<string> group = DescribeOptions.Group();
        Option<int> from = DescribeOptions.From();
        Option<int> to = DescribeOptions.To();
        Command command = new("balance", "exports − imports per economy and year") { exports, imports, economies, group, from, to };
        command.SetAction(async (parse, ct) =>
        {
            var n = new NumberText(parse.GetValue(GlobalOptions.Output));
            var request = new BalanceRequest
            {
                Exports = parse.GetValue(exports) ?? string.Empty,
                Imports = parse.GetValue(imports) ?? string.Empty,
                Group = parse.GetValue(group) ?? string.Empty,
                From = parse.GetValue(from),
                To = parse.GetValue(to),
            };
            request.Economies.AddRange(DescribeOptions.Split(parse.GetValue(economies)));
            BalanceResponse response = await new DescribeService.DescribeServiceClient(GlobalOptions.Channel(parse)).BalanceAsync(request, cancellationToken: ct);
            Write(parse, n, response, response.Economies, [request.Exports, request.Imports, "balance"]);
            return 0;
        });
        return command;
    }

    private static void Write(ParseResult parse, NumberText n, IMessage response, IEnumerable<EconomyPair> economies, string[] columns) =>
        ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, ["economy", "year", .. columns],
            economies.SelectMany(e => e.Points.Select(p => new[]
            {
                e.Economy, NumberText.Year(p.Year), n.Of(p.HasFirst, p.First),
                n.Of(p.HasSecond, p.Second), n.Of(p.HasResult, p.Result),
            })));
}
