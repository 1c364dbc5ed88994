using Microsoft.Extensions.Configuration;
using TradeGrid.Grains.Cluster;

namespace TradeGrid.Api.Hosting;

/// <summary>
/// <c>db migrate --postgres "Host=…"</c>: creates or completes the PostgreSQL schema (<see cref="PostgresSchema"/>)
/// and exits. The connection string may also come from <c>TradeGrid:Postgres</c> (e.g. <c>TradeGrid__Postgres</c>).
/// </summary>
public static class DatabaseCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "db";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1] != "migrate")
        {
            await Console.Error.WriteLineAsync("usage: db migrate --postgres \"Host=...;Username=...;Password=...;Database=...\"");
            return 2;
        }

        IConfiguration configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(CommandLine.ToConfigurationArgs(args[2..]))
            .Build();
        string connection = configuration["TradeGrid:Postgres"] ?? string.Empty;
        if (connection.Length == 0)
        {
            await Console.Error.WriteLineAsync("db migrate: no connection string; give --postgres \"Host=...;Username=...;Password=...;Database=...\" or set TradeGrid__Postgres");
            return 2;
        }

        try
        {
            foreach (string line in await PostgresSchema.MigrateAsync(connection, CancellationToken.None))
            {
                Console.WriteLine(line);
            }
            Console.WriteLine("db migrate: done");
            return 0;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"db migrate failed: {ex.Message}");
            return 1;
        }
    }
}
