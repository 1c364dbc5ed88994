namespace TradeGrid.Grains.Abstractions.Security;

/// <summary>
/// A caller's own rate limits set through the admin RPC: its token bucket and how many long jobs it may run at once,
/// who set them and when.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.StoredCallerLimit")]
public sealed record StoredCallerLimit
{
    [Id(0)] public required string Caller { get; init; }
    [Id(1)] public required int TokenLimit { get; init; }
    [Id(2)] public required int TokensPerPeriod { get; init; }
    [Id(3)] public required double ReplenishmentPeriodSeconds { get; init; }
    [Id(4)] public required int Jobs { get; init; }
    [Id(5)] public required string SetBy { get; init; }
    [Id(6)] public required DateTimeOffset SetAt { get; init; }
}
