namespace TradeGrid.Api.Tests.Support;

/// <summary>End-to-end tests share one in-process server (it loads the default dataset once).</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "in-process server";
}
