using System.CommandLine;
using System.Globalization;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

internal static class GroupsCommand
{
    public static Command Create()
    {
        Command command = new("groups", "List groups and their members with the years each membership holds");
        command.SetAction(async (parse, ct) =>
        {
            var client = new DataService.DataServiceClient(GlobalOptions.Channel(parse));
            ListGroupsResponse response = await client.ListGroupsAsync(new ListGroupsRequest(), cancellationToken: ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, ["group", "member", "from", "to"],
                response.Groups.SelectMany(g => g.Members.Select(m => new[]
                {
                    g.Code, m.Economy, m.FromYear == 0 ? "" : m.FromYear.ToString(CultureInfo.InvariantCulture),
                    m.ToYear == 0 ? "" : m.ToYear.ToString(CultureInfo.InvariantCulture),
                })));
            return 0;
        });
        return command;
    }
}
