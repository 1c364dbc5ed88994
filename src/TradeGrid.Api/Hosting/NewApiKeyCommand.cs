using TradeGrid.Api.Security;

namespace TradeGrid.Api.Hosting;

/// <summary>
/// <c>new-api-key --id ID --role reader|writer|admin</c>: makes a key without a server and prints it with the entry that
/// configures it (JSON for appsettings, and the same as environment variables). The first admin key is made so; the
/// rest can be made through the admin RPC (client: <c>keys create</c>). <c>--env-file PATH</c> also appends the entry to PATH
/// as KEY=VALUE lines, the form docker's <c>--env-file</c>, compose's <c>env_file</c> and
/// <c>kubectl create secret generic --from-env-file</c> read.
/// </summary>
public static class NewApiKeyCommand
{
    public const string Name = "new-api-key";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string id = string.Empty;
        string role = string.Empty;
        int index = 0;
        string? envFile = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--id" when i + 1 < args.Length:
                    id = args[++i];
                    break;
                case "--role" when i + 1 < args.Length:
                    role = args[++i];
                    break;
                case "--index" when i + 1 < args.Length && int.TryParse(args[i + 1], out int n) && n >= 0:
                    index = n;
                    i++;
                    break;
                case "--env-file" when i + 1 < args.Length:
                    envFile = args[++i];
                    break;
                default:
                    error.WriteLine($"{Name}: unknown or incomplete option '{args[i]}'; usage: {Name} --id ID --role reader|writer|admin [--index N] [--env-file PATH]");
                    return 2;
            }
        }
        if (ApiKeySecret.IdError(id) is { } idError || !Roles.IsKnown(role))
        {
            error.WriteLine($"{Name}: {(ApiKeySecret.IdError(id) is { } e ? $"--id: {e}" : "--role: give reader, writer or admin")}; usage: {Name} --id ID --role reader|writer|admin [--index N] [--env-file PATH]");
            return 2;
        }
        (string key, string salt, string hash) = ApiKeySecret.Create(id);
        output.WriteLine($"key (give it to its holder; the server keeps only its hash): {key}");
        output.WriteLine();
        output.WriteLine("appsettings.json, in TradeGrid:Auth:ApiKeys:");
        output.WriteLine($"  {{ \"Id\": \"{id}\", \"Role\": \"{role}\", \"Salt\": \"{salt}\", \"Hash\": \"{hash}\" }}");
        output.WriteLine();
        output.WriteLine($"or environment variables (entry {index}; number further keys 1, 2, ... with --index):");
        output.WriteLine($"  export TradeGrid__Auth__ApiKeys__{index}__Id={id} TradeGrid__Auth__ApiKeys__{index}__Role={role} \\");
        output.WriteLine($"         TradeGrid__Auth__ApiKeys__{index}__Salt={salt} TradeGrid__Auth__ApiKeys__{index}__Hash={hash}");
        if (envFile is not null)
        {
            string[] lines =
            [
                $"TradeGrid__Auth__ApiKeys__{index}__Id={id}",
                $"TradeGrid__Auth__ApiKeys__{index}__Role={role}",
                $"TradeGrid__Auth__ApiKeys__{index}__Salt={salt}",
                $"TradeGrid__Auth__ApiKeys__{index}__Hash={hash}",
            ];
            try
            {
                File.AppendAllLines(envFile, lines);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"{Name}: --env-file {envFile}: {ex.Message}");
                return 1;
            }
            output.WriteLine();
            output.WriteLine($"appended to {envFile} (entry {index}) as KEY=VALUE lines");
        }
        return 0;
    }
}
