using TradeGrid.Grains.Abstractions.Security;

namespace TradeGrid.Grains.Security;

/// <summary>The stored API keys by id.</summary>
[GenerateSerializer, Alias("TradeGrid.ApiKeyStoreState")]
public sealed class ApiKeyStoreState
{
    [Id(0)] public Dictionary<string, StoredApiKey> Keys { get; set; } = new(StringComparer.Ordinal);
}
