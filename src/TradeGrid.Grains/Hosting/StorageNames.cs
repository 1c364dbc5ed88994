namespace TradeGrid.Grains.Hosting;

/// <summary>The grain storage provider every TradeGrid grain persists to (memory by default, PostgreSQL in a cluster).</summary>
public static class StorageNames
{
    public const string Provider = "tradegrid";
}
