using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace TradeGrid.Grains.Cluster;

/// <summary>
/// Creates the database objects a PostgreSQL cluster needs: Orleans' scripts for membership, grain state and
/// reminders (from the dotnet/orleans repository, MIT; see Cluster/Sql/README.md), applied in name order, each once.
/// TradeGrid's own table <c>tradegrid_schema</c> records what was applied, so running the migration again is safe;
/// an advisory lock makes concurrent runs wait for each other; everything is one transaction (all or nothing).
/// </summary>
public static class PostgresSchema
{
    private const string ResourcePrefix = "TradeGrid.Sql.";

    /// <summary>Any fixed number: every migration takes the same transaction-scoped advisory lock.</summary>
    private const long LockKey = 0x7472616465677264;

    /// <summary>The scripts in the order they are applied: (name, text).</summary>
    public static IReadOnlyList<(string Name, string Text)> Scripts()
    {
        Assembly assembly = typeof(PostgresSchema).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!, Encoding.UTF8);
                return (n[ResourcePrefix.Length..], reader.ReadToEnd());
            })
            .ToArray();
    }

    /// <summary>Applies every script not yet recorded; returns one line per script saying applied or already there.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await Execute(connection, """
            CREATE TABLE IF NOT EXISTS tradegrid_schema (
                script varchar(200) NOT NULL PRIMARY KEY,
                sha256 char(64) NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);
        Dictionary<string, string> applied = await Applied(connection, cancellationToken);

        var lines = new List<string>();
        foreach ((string name, string text) in Scripts())
        {
            string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            if (applied.TryGetValue(name, out string? known))
            {
                lines.Add(known == hash ? $"{name}: already applied" : $"{name}: already applied (from a different text; left as it is)");
                continue;
            }

            await Execute(connection, text, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO tradegrid_schema (script, sha256) VALUES (@script, @sha256)", connection);
            record.Parameters.AddWithValue("script", name);
            record.Parameters.AddWithValue("sha256", hash);
            await record.ExecuteNonQueryAsync(cancellationToken);
            lines.Add($"{name}: applied");
        }
        await transaction.CommitAsync(cancellationToken);
        return lines;
    }

    private static async Task<Dictionary<string, string>> Applied(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT script, sha256 FROM tradegrid_schema", connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }
        return applied;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
