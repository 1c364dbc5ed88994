using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using TradeGrid.Grains.Abstractions.Audit;

namespace TradeGrid.Grains.Audit;

/// <summary>
/// The audit log as the table <c>tradegrid_audit</c> (Cluster/Sql/06-tradegrid-audit.sql, made by <c>db migrate</c>):
/// one row per entry, its economies' versions as JSON. An insert is one statement, so an entry is stored whole or not.
/// </summary>
public sealed class PostgresAuditTable(string connectionString) : IAuditStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public async Task Append(AuditRecord record, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _source.CreateCommand("""
            INSERT INTO tradegrid_audit (at, caller, role, rpc, summary, outcome, write_id, status, economies)
            VALUES (@at, @caller, @role, @rpc, @summary, @outcome, @write_id, @status, @economies)
            """);
        command.Parameters.AddWithValue("at", record.Time.ToUniversalTime());
        command.Parameters.AddWithValue("caller", record.Caller);
        command.Parameters.AddWithValue("role", record.Role);
        command.Parameters.AddWithValue("rpc", record.Rpc);
        command.Parameters.AddWithValue("summary", record.Summary);
        command.Parameters.AddWithValue("outcome", record.Outcome);
        command.Parameters.AddWithValue("write_id", record.WriteId);
        command.Parameters.AddWithValue("status", record.Status);
        command.Parameters.AddWithValue("economies", NpgsqlDbType.Jsonb,
            JsonSerializer.Serialize(record.Economies.Select(e => new EconomyVersions(e.Economy, e.Before, e.After))));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<AuditRecord[]> Latest(int limit, string caller, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _source.CreateCommand("""
            SELECT at, caller, role, rpc, summary, outcome, write_id, status, economies::text FROM tradegrid_audit
            WHERE @caller = '' OR caller = @caller ORDER BY id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("caller", caller);
        command.Parameters.AddWithValue("limit", limit);
        var records = new List<AuditRecord>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            EconomyVersions[] economies = JsonSerializer.Deserialize<EconomyVersions[]>(reader.GetString(8)) ?? [];
            records.Add(new AuditRecord
            {
                Time = new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero),
                Caller = reader.GetString(1),
                Role = reader.GetString(2),
                Rpc = reader.GetString(3),
                Summary = reader.GetString(4),
                Outcome = reader.GetString(5),
                WriteId = reader.GetGuid(6),
                Status = reader.GetString(7),
                Economies = [.. economies.Select(e => new AuditVersions(e.Economy, e.Before, e.After))],
            });
        }
        return [.. records];
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private sealed record EconomyVersions(string Economy, long Before, long After);
}
