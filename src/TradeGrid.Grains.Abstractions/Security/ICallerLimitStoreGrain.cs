namespace TradeGrid.Grains.Abstractions.Security;

/// <summary>
/// The per-caller rate limits set through the admin RPCs (limits in configuration are not here), in durable grain
/// state: one grain, so the gateways of every silo apply the same limits.
/// </summary>
[Alias("TradeGrid.ICallerLimitStoreGrain")]
public interface ICallerLimitStoreGrain : IGrainWithStringKey
{
    public const string DefaultKey = "limits";

    /// <summary>Sets a caller's limits, replacing any it had.</summary>
    [Alias("Set")]
    ValueTask Set(StoredCallerLimit limit, CancellationToken cancellationToken = default);

    /// <summary>Removes a caller's limits; returns them, or null when it had none.</summary>
    [Alias("Remove")]
    ValueTask<StoredCallerLimit?> Remove(string caller, CancellationToken cancellationToken = default);

    /// <summary>Every caller's limits, in caller order.</summary>
    [Alias("List")]
    ValueTask<StoredCallerLimit[]> List(CancellationToken cancellationToken = default);
}
