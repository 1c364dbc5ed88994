using TradeGrid.Grains.Abstractions.Security;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Security;

/// <summary>The API keys made through the admin RPCs, in the grain storage every TradeGrid grain uses (memory or PostgreSQL).</summary>
public sealed class ApiKeyStoreGrain(
    [PersistentState("apikeys", StorageNames.Provider)] IPersistentState<ApiKeyStoreState> state) : Grain, IApiKeyStoreGrain
{
    public async ValueTask<bool> Add(StoredApiKey key, CancellationToken cancellationToken)
    {
        if (!state.State.Keys.TryAdd(key.Id, key))
        {
            return false;
        }
        await state.WriteStateAsync(cancellationToken);
        return true;
    }

    public ValueTask<StoredApiKey[]> List(CancellationToken cancellationToken) =>
        ValueTask.FromResult(state.State.Keys.Values.OrderBy(k => k.Id, StringComparer.Ordinal).ToArray());

    public async ValueTask<StoredApiKey?> Revoke(string id, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!state.State.Keys.TryGetValue(id, out StoredApiKey? key))
        {
            return null;
        }
        if (key.RevokedAt is null)
        {
            key = key with { RevokedAt = at, RevokedBy = revokedBy };
            state.State.Keys[id] = key;
            await state.WriteStateAsync(cancellationToken);
        }
        return key;
    }
}
