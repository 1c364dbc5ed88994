using System.Reflection;
using Npgsql;
using TradeGrid.Grains.Cluster;
using TradeGrid.Silo.Tests.Support;

namespace TradeGrid.Silo.Tests.Cluster;

/// <summary>`db migrate`: creates what Orleans' 10.4.2 ADO.NET providers need, and running it again changes nothing.</summary>
public sealed class PostgresSchemaTests
{
    [PostgresFact]
    public async Task Migrate_TwiceOnAnEmptyDatabase_AppliesEveryScriptOnceAndLeavesEveryRequiredQuery()
    {
        string database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            IReadOnlyList<string> first = await PostgresSchema.MigrateAsync(database, CancellationToken.None);
            IReadOnlyList<string> second = await PostgresSchema.MigrateAsync(database, CancellationToken.None);

            Assert.Equal(PostgresSchema.Scripts().Count, first.Count);
            Assert.All(first, line => Assert.EndsWith(": applied", line));
            Assert.All(second, line => Assert.EndsWith(": already applied", line));
            HashSet<string> queries = await QueryKeys(database);
            string[] required = RequiredQueryKeys();
            Assert.Contains("CleanupDefunctSiloEntriesKey", required);
            Assert.Contains("WriteToStorageKey", queries);
            Assert.All(required, key => Assert.Contains(key, queries));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public void Scripts_AreOrleansPostgresScriptsInOrder_WithTheirLicence()
    {
        string[] names = PostgresSchema.Scripts().Select(s => s.Name).ToArray();

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains(names, n => n.Contains("clustering", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("persistence", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("reminders", StringComparison.Ordinal));
        string licence = File.ReadAllText(Path.Combine(RepoRoot(), "src/TradeGrid.Grains/Cluster/Sql/LICENSE-orleans.txt"));
        Assert.Contains("MIT", licence);
    }

    /// <summary>The query keys the providers refuse to start without: the internal properties of each DbStoredQueries.</summary>
    private static string[] RequiredQueryKeys() =>
        new[] { "Orleans.Clustering.AdoNet", "Orleans.Reminders.AdoNet" }
            .Select(Assembly.Load)
            .SelectMany(a => a.GetTypes().Where(t => t.Name == "DbStoredQueries"))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic))
            .Where(p => p.PropertyType == typeof(string) && p.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(p => p.Name)
            .Distinct()
            .ToArray();

    private static async Task<HashSet<string>> QueryKeys(string database)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT querykey FROM orleansquery", connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    private static string RepoRoot()
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "TradeGrid.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("TradeGrid.sln not found above the test binaries");
        }
        return dir;
    }
}
