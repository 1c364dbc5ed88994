namespace TradeGrid.Grains.Hosting;

/// <summary>The grain storage provider every TradeGrid grain persists to (memory by default, PostgreSQL in a cluster).</summary>
public static class StorageNames
{
    public const string Provider = "tradegrid";

    /// <summary>The ADO.NET provider itself, which grains reach only through <see cref="Cluster.StringKeyStorage"/>.</summary>
    public const string Durable = "tradegrid-adonet";
}
