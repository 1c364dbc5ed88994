using Google.Protobuf.WellKnownTypes;
using TradeGrid.Api.Security;
using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions.Audit;
using TradeGrid.Grains.Abstractions.Security;

namespace TradeGrid.Api.Admin;

/// <summary>Maps keys and audit entries to AdminService's messages.</summary>
public static class AdminMapping
{
    public static string? RoleName(Role role) => role switch
    {
        Role.Reader => Roles.Reader,
        Role.Writer => Roles.Writer,
        Role.Admin => Roles.Admin,
        _ => null,
    };

    public static Role ToProto(string role) => role switch
    {
        Roles.Reader => Role.Reader,
        Roles.Writer => Role.Writer,
        Roles.Admin => Role.Admin,
        _ => Role.Unspecified,
    };

    public static ApiKeyInfo ToProto(ConfiguredApiKey key) =>
        new() { Id = key.Id, Role = ToProto(key.Role), Origin = "configuration" };

    public static ApiKeyInfo ToProto(StoredApiKey key)
    {
        var info = new ApiKeyInfo
        {
            Id = key.Id,
            Role = ToProto(key.Role),
            Origin = "stored",
            Description = key.Description,
            CreatedAt = Timestamp.FromDateTimeOffset(key.CreatedAt),
            CreatedBy = key.CreatedBy,
            RevokedBy = key.RevokedBy,
        };
        if (key.RevokedAt is { } revoked)
        {
            info.RevokedAt = Timestamp.FromDateTimeOffset(revoked);
        }
        return info;
    }

    public static AuditEntry ToProto(AuditRecord record)
    {
        var entry = new AuditEntry
        {
            Time = Timestamp.FromDateTimeOffset(record.Time),
            Caller = record.Caller,
            Role = record.Role,
            Rpc = record.Rpc,
            Summary = record.Summary,
            Outcome = record.Outcome,
            WriteId = record.WriteId.ToString(),
            Status = record.Status,
        };
        entry.Economies.AddRange(record.Economies.Select(e => new AuditEconomyVersion { Economy = e.Economy, VersionBefore = e.Before, VersionAfter = e.After }));
        return entry;
    }
}
