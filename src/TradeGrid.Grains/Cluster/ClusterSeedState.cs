namespace TradeGrid.Grains.Cluster;

/// <summary>What the seed marker persists: whether the start-up data was loaded, and who holds the claim to load it.</summary>
[GenerateSerializer, Alias("TradeGrid.ClusterSeedState")]
public sealed class ClusterSeedState
{
    [Id(0)] public bool Seeded { get; set; }
    [Id(1)] public string Summary { get; set; } = string.Empty;
    [Id(2)] public string Holder { get; set; } = string.Empty;
    [Id(3)] public DateTimeOffset LeaseUntil { get; set; }
}
