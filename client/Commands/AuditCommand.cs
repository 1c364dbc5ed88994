using System.CommandLine;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

/// <summary><c>audit</c>: the latest writes, who made them and the data versions they moved (the admin role).</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        Option<int> limit = new("--limit") { Description = "At most this many entries, newest first", DefaultValueFactory = _ => 100 };
        Option<string> caller = new("--caller") { Description = "Only this caller's writes (key:ID, jwt:SUBJECT, anonymous@ADDRESS)" };
        Command command = new("audit", "The latest writes: who, what, which economies, data versions before and after (admin)") { limit, caller };
        command.SetAction(async (parse, ct) =>
        {
            var client = new AdminService.AdminServiceClient(GlobalOptions.Channel(parse));
            ListAuditEntriesResponse response = await client.ListAuditEntriesAsync(
                new ListAuditEntriesRequest { Limit = parse.GetValue(limit), Caller = parse.GetValue(caller) ?? string.Empty }, cancellationToken: ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, ["time", "caller", "role", "rpc", "outcome", "status", "economies (before→after)", "request"],
                response.Entries.Select(e => new[]
                {
                    KeysCommand.Time(e.Time), e.Caller, e.Role, e.Rpc, e.Outcome, e.Status,
                    string.Join(" ", e.Economies.Select(v => $"{v.Economy} {v.VersionBefore}→{v.VersionAfter}")), e.Summary,
                }));
            return 0;
        });
        return command;
    }
}
