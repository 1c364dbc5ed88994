namespace TradeGrid.Grains.Tests.Support;

/// <summary>Tests in this collection share one two-silo cluster (starting one takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<TwoSiloCluster>
{
    public const string Name = "two-silo cluster";
}
