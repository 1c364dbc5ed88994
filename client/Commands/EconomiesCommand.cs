using System.CommandLine;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

internal static class EconomiesCommand
{
    public static Command Create()
    {
        Option<string> group = new("--group") { Description = "Only members of this group, e.g. RCEP (WLD: every economy)" };
        Option<int> year = new("--year") { Description = "With --group: members in this year" };
        Option<string> region = new("--region") { Description = "Only this region, e.g. \"East Asia & Pacific\"" };
        Option<string> income = new("--income") { Description = "Only this income group, e.g. \"High income\"" };
        Option<bool> countries = new("--countries-only") { Description = "Leave out aggregates" };
        Command command = new("economies", "List economies") { group, year, region, income, countries };
        command.SetAction(async (parse, ct) =>
        {
            var client = new DataService.DataServiceClient(GlobalOptions.Channel(parse));
            ListEconomiesResponse response = await client.ListEconomiesAsync(new ListEconomiesRequest
            {
                Group = parse.GetValue(group) ?? string.Empty,
                Year = parse.GetValue(year),
                Region = parse.GetValue(region) ?? string.Empty,
                IncomeGroup = parse.GetValue(income) ?? string.Empty,
                CountriesOnly = parse.GetValue(countries),
            }, cancellationToken: ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, ["code", "name", "region", "income_group", "aggregate"],
                response.Economies.Select(e => new[] { e.Code, e.Name, e.Region, e.IncomeGroup, e.IsAggregate ? "yes" : "" }),
                $"{response.Economies.Count} economies");
            return 0;
        });
        return command;
    }
}
