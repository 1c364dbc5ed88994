using TradeGrid.Grains.Abstractions.Security;

namespace TradeGrid.Grains.Security;

/// <summary>The admin-set limits by caller.</summary>
[GenerateSerializer, Alias("TradeGrid.CallerLimitStoreState")]
public sealed class CallerLimitStoreState
{
    [Id(0)] public Dictionary<string, StoredCallerLimit> Limits { get; set; } = new(StringComparer.Ordinal);
}
