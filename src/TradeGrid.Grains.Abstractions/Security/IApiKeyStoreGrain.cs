namespace TradeGrid.Grains.Abstractions.Security;

/// <summary>
/// The API keys made through the admin RPCs (keys in configuration are not here), in durable grain state: one grain,
/// so the gateways of every silo see the same keys. Revoked keys stay listed, marked, so their id is never reused.
/// </summary>
[Alias("TradeGrid.IApiKeyStoreGrain")]
public interface IApiKeyStoreGrain : IGrainWithStringKey
{
    public const string DefaultKey = "keys";

    /// <summary>Adds a key; false when the id is taken (revoked ids included).</summary>
    [Alias("Add")]
    ValueTask<bool> Add(StoredApiKey key, CancellationToken cancellationToken = default);

    /// <summary>Every key, revoked ones included, in id order.</summary>
    [Alias("List")]
    ValueTask<StoredApiKey[]> List(CancellationToken cancellationToken = default);

    /// <summary>Marks a key revoked; returns it as stored after, or null when no key has the id.</summary>
    [Alias("Revoke")]
    ValueTask<StoredApiKey?> Revoke(string id, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken = default);
}
