namespace TradeGrid.Api.Tests.Support;

/// <summary>A second in-process server for tests that load large real extracts, so the shared server's data stay as the other tests expect.</summary>
[CollectionDefinition(Name)]
public sealed class RealDataServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "in-process server with real extracts";
}
