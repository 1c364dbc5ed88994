namespace TradeGrid.Grains.Abstractions.Audit;

/// <summary>
/// One write as the audit keeps it: when, who (caller name and role), what (the RPC and its request in a line),
/// how it ended, and each economy's data version before and after.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.AuditRecord")]
public sealed record AuditRecord
{
    [Id(0)] public required DateTimeOffset Time { get; init; }
    [Id(1)] public required string Caller { get; init; }
    [Id(2)] public required string Role { get; init; }
    [Id(3)] public required string Rpc { get; init; }
    [Id(4)] public required string Summary { get; init; }

    /// <summary>committed or not-written.</summary>
    [Id(5)] public required string Outcome { get; init; }
    [Id(6)] public required Guid WriteId { get; init; }
    [Id(7)] public required AuditVersions[] Economies { get; init; }

    /// <summary>The call's status code name (OK, or why it failed).</summary>
    [Id(8)] public required string Status { get; init; }
}
