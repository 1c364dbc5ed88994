using System.CommandLine;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

internal static class IndicatorsCommand
{
    public static Command Create()
    {
        Option<string> contains = new("--contains") { Description = "Only codes or names containing this text" };
        Command command = new("indicators", "List indicators") { contains };
        command.SetAction(async (parse, ct) =>
        {
            var client = new DataService.DataServiceClient(GlobalOptions.Channel(parse));
            ListIndicatorsResponse response = await client.ListIndicatorsAsync(new ListIndicatorsRequest { Contains = parse.GetValue(contains) ?? string.Empty }, cancellationToken: ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, ["code", "name", "unit", "source"],
                response.Indicators.Select(i => new[] { i.Code, i.Name, i.Unit, i.Source }), $"{response.Indicators.Count} indicators");
            return 0;
        });
        return command;
    }
}
