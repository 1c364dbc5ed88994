using Microsoft.Extensions.Options;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Security;

namespace TradeGrid.Api.Security;

/// <summary>
/// Checks an API key against the keys in configuration, then the keys stored through the admin RPCs (a copy kept
/// for <see cref="AuthOptions.StoredKeyCacheSeconds"/>; an unknown id refreshes it, at most once a second, so a key
/// made on another silo works at once). Returns the key's id and role, or why it is refused.
/// </summary>
public sealed class ApiKeyValidator(IOptions<AuthOptions> options, IGrainFactory grains, TimeProvider time)
{
    private static readonly TimeSpan MissRefresh = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile StoredKeys _stored = new([], DateTimeOffset.MinValue);

    public async Task<(string Id, string Role)?> ValidateAsync(string key, Action<string> refuse, CancellationToken cancellationToken)
    {
        if (ApiKeySecret.Parse(key) is not { } parsed)
        {
            refuse("the API key is not shaped like a TradeGrid key (tg_ID_SECRET); send the key as made, in the x-api-key header");
            return null;
        }
        ConfiguredApiKey? configured = options.Value.ApiKeys.FirstOrDefault(k => k.Id == parsed.Id);
        if (configured is not null)
        {
            return Checked(parsed.Id, parsed.Secret, configured.Role, configured.Salt, configured.Hash, refuse);
        }
        StoredApiKey? stored = await FindStoredAsync(parsed.Id, cancellationToken);
        if (stored is null)
        {
            refuse($"unknown API key id '{parsed.Id}'");
            return null;
        }
        if (stored.RevokedAt is { } revoked)
        {
            refuse($"API key '{stored.Id}' was revoked at {revoked:u}; ask an admin for a new key");
            return null;
        }
        return Checked(stored.Id, parsed.Secret, stored.Role, stored.Salt, stored.Hash, refuse);
    }

    /// <summary>Forgets the copy of the stored keys (after this gateway made or revoked one).</summary>
    public void Invalidate() => _stored = new StoredKeys([], DateTimeOffset.MinValue);

    private static (string Id, string Role)? Checked(string id, string secret, string role, string salt, string hash, Action<string> refuse)
    {
        if (!ApiKeySecret.Matches(secret, salt, hash))
        {
            refuse($"API key '{id}': the secret does not match");
            return null;
        }
        return (id, role);
    }

    private async Task<StoredApiKey?> FindStoredAsync(string id, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        StoredKeys copy = _stored;
        TimeSpan age = now - copy.Fetched;
        bool stale = age > TimeSpan.FromSeconds(options.Value.StoredKeyCacheSeconds);
        if (stale || (!copy.ById.ContainsKey(id) && age > MissRefresh))
        {
            copy = await RefreshAsync(now, cancellationToken);
        }
        return copy.ById.GetValueOrDefault(id);
    }

    private async Task<StoredKeys> RefreshAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_stored.Fetched >= now)
            {
                return _stored; // another request refreshed it while this one waited
            }
            StoredApiKey[] keys = await grains.ApiKeys().List(cancellationToken);
            _stored = new StoredKeys(keys.ToDictionary(k => k.Id, StringComparer.Ordinal), time.GetUtcNow());
            return _stored;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record StoredKeys(Dictionary<string, StoredApiKey> ById, DateTimeOffset Fetched);
}
