using Npgsql;
using TradeGrid.Api.V1;
using TradeGrid.Grains.Cluster;
using TradeGrid.Silo.Tests.Support;

namespace TradeGrid.Silo.Tests.Cluster;

/// <summary>
/// With the PostgreSQL backend the audit of writes is the table <c>tradegrid_audit</c>: an import through one silo is
/// a row there (caller, RPC, outcome, each economy's versions), the admin RPC of another silo reads it, and it outlives
/// killing every silo.
/// </summary>
public sealed class AuditTableTests
{
    [PostgresFact]
    public async Task AWrite_IsARowOfTheAuditTable_ReadByAnySilo_AndKeptOverARestart()
    {
        string database = await TestPostgres.CreateDatabaseAsync();
        await PostgresSchema.MigrateAsync(database, CancellationToken.None);
        SiloProcess? a = null, b = null, c = null;
        try
        {
            a = await SiloProcess.StartAsync(database);
            b = await SiloProcess.StartAsync(database);
            ImportResponse imported = await new DataService.DataServiceClient(a.Channel).ImportAsync("""
                economy,indicator,year,value
                QAA,tg_audit,2020,1
                QAB,tg_audit,2020,2
                """);

            (string caller, string rpc, string outcome, string writeId, string economies) row = await OnlyRow(database);
            ListAuditEntriesResponse throughB = await new AdminService.AdminServiceClient(b.Channel).ListAuditEntriesAsync(new ListAuditEntriesRequest());
            a.Kill();
            b.Kill();
            c = await SiloProcess.StartAsync(database);
            ListAuditEntriesResponse afterRestart = await Imports.WhenClusterSettledAsync(() =>
                new AdminService.AdminServiceClient(c.Channel).ListAuditEntriesAsync(new ListAuditEntriesRequest()).ResponseAsync);

            Assert.True(imported.Write.Committed);
            Assert.StartsWith("anonymous", row.caller);
            Assert.Equal(("tradegrid.v1.DataService.Import", "committed", imported.Write.WriteId), (row.rpc, row.outcome, row.writeId));
            Assert.Contains("\"Economy\": \"QAA\"", row.economies);
            Assert.Contains("\"Economy\": \"QAB\"", row.economies);
            AuditEntry entry = Assert.Single(throughB.Entries);
            Assert.Equal((imported.Write.WriteId, "committed"), (entry.WriteId, entry.Outcome));
            Assert.Equal(["QAA", "QAB"], entry.Economies.Select(e => e.Economy).Order(StringComparer.Ordinal));
            Assert.Equal(entry, Assert.Single(afterRestart.Entries));
        }
        finally
        {
            foreach (SiloProcess? silo in new[] { a, b, c })
            {
                if (silo is not null)
                {
                    await silo.DisposeAsync();
                }
            }
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static async Task<(string, string, string, string, string)> OnlyRow(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT caller, rpc, outcome, write_id::text, economies::text FROM tradegrid_audit", connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var row = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
        Assert.False(await reader.ReadAsync());
        return row;
    }
}
