using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using TradeGrid.Api.V1;
using TradeGrid.Cli.Output;

namespace TradeGrid.Cli.Commands;

/// <summary><c>keys create|list|revoke</c>: API keys kept by the server (the admin role).</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        Command command = new("keys", "Make, list and revoke API keys (admin)") { CreateKey(), ListKeys(), RevokeKey() };
        return command;
    }

    private static Command CreateKey()
    {
        Argument<string> id = new("id") { Description = "Key id: 1-40 of a-z, 0-9 and '-'; never reused" };
        Option<string> role = new("--role") { Description = "reader, writer or admin", Required = true };
        role.AcceptOnlyFromAmong("reader", "writer", "admin");
        Option<string> description = new("--description") { Description = "Whose key, what for" };
        Command command = new("create", "Make a key; prints it once (the server keeps only its hash)") { id, role, description };
        command.SetAction(async (parse, ct) =>
        {
            var client = new AdminService.AdminServiceClient(GlobalOptions.Channel(parse));
            CreateApiKeyResponse response = await client.CreateApiKeyAsync(new CreateApiKeyRequest
            {
                Id = parse.GetRequiredValue(id),
                Role = RoleOf(parse.GetRequiredValue(role)),
                Description = parse.GetValue(description) ?? string.Empty,
            }, cancellationToken: ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, ["id", "role", "key"],
                [[response.ApiKey.Id, Name(response.ApiKey.Role), response.Key]], "new key: give it to its holder now; it cannot be shown again");
            return 0;
        });
        return command;
    }

    private static Command ListKeys()
    {
        Command command = new("list", "Every key: in configuration and stored, revoked ones marked");
        command.SetAction(async (parse, ct) =>
        {
            var client = new AdminService.AdminServiceClient(GlobalOptions.Channel(parse));
            ListApiKeysResponse response = await client.ListApiKeysAsync(new ListApiKeysRequest(), cancellationToken: ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, ["id", "role", "origin", "created", "by", "revoked", "description"],
                response.ApiKeys.Select(k => new[] { k.Id, Name(k.Role), k.Origin, Time(k.CreatedAt), k.CreatedBy, Time(k.RevokedAt), k.Description }));
            return 0;
        });
        return command;
    }

    private static Command RevokeKey()
    {
        Argument<string> id = new("id") { Description = "Id of a stored key" };
        Command command = new("revoke", "Revoke a stored key (a key in configuration is removed from configuration)") { id };
        command.SetAction(async (parse, ct) =>
        {
            var client = new AdminService.AdminServiceClient(GlobalOptions.Channel(parse));
            RevokeApiKeyResponse response = await client.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = parse.GetRequiredValue(id) }, cancellationToken: ct);
            ResultWriter.Write(parse.GetValue(GlobalOptions.Output), response, ["id", "role", "revoked", "by"],
                [[response.ApiKey.Id, Name(response.ApiKey.Role), Time(response.ApiKey.RevokedAt), response.ApiKey.RevokedBy]], "revoked");
            return 0;
        });
        return command;
    }

    private static Role RoleOf(string role) => role switch
    {
        "reader" => Role.Reader,
        "writer" => Role.Writer,
        _ => Role.Admin,
    };

    internal static string Name(Role role) => role switch
    {
        Role.Reader => "reader",
        Role.Writer => "writer",
        Role.Admin => "admin",
        _ => "",
    };

    internal static string Time(Timestamp? time) => time is null ? "" : time.ToDateTimeOffset().ToString("u", System.Globalization.CultureInfo.InvariantCulture);
}
