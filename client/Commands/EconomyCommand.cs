using System.CommandLine;
using System.Globalization;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

internal static class EconomyCommand
{
    public static Command Create()
    {
        Argument<string> economy = new("economy") { Description = "Economy code, e.g. CHN" };
        Command command = new("economy", "Show one economy: its groups and the series it holds") { economy };
        command.SetAction(async (parse, ct) =>
        {
            var client = new DataService.DataServiceClient(GlobalOptions.Channel(parse));
            GetEconomyResponse response = await client.GetEconomyAsync(new GetEconomyRequest { Economy = parse.GetValue(economy) ?? string.Empty }, cancellationToken: ct);
            Economy e = response.Economy;
            string title = $"{e.Code} {e.Name} ({e.Region}; {e.IncomeGroup}) groups: {string.Join(",", response.Groups)} version {response.DataVersion}";
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, ["indicator", "partner", "first", "last", "count"],
                response.Series.Select(s => new[]
                {
                    s.Indicator, s.Partner, s.FirstYear.ToString(CultureInfo.InvariantCulture),
                    s.LastYear.ToString(CultureInfo.InvariantCulture), s.Count.ToString(CultureInfo.InvariantCulture),
                }), title);
            return 0;
        });
        return command;
    }
}
