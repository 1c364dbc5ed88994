namespace TradeGrid.Grains.Abstractions.Security;

/// <summary>An API key made through the admin RPC: its id, role and salted hash (never the key), who made it and when, and whether it was revoked.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.StoredApiKey")]
public sealed record StoredApiKey
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Role { get; init; }
    [Id(2)] public required string Salt { get; init; }
    [Id(3)] public required string Hash { get; init; }
    [Id(4)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(5)] public required string CreatedBy { get; init; }
    [Id(6)] public string Description { get; init; } = string.Empty;
    [Id(7)] public DateTimeOffset? RevokedAt { get; init; }
    [Id(8)] public string RevokedBy { get; init; } = string.Empty;
}
