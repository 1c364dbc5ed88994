using Npgsql;

namespace TradeGrid.Silo.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use: its connection string is in <see cref="Variable"/> (.ci/run starts one and
/// sets it). Each test class gets a database of its own, created empty and dropped afterwards.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "TRADEGRID_TEST_POSTGRES";

    /// <summary>CI sets CI=true: there a missing server is a failure, not a reason to skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Connection => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        string server = Connection ?? throw new InvalidOperationException($"{Variable} is not set");
        string name = "tg_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        string name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(Connection!);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
