namespace TradeGrid.Api.Tests.Support;

/// <summary>
/// Read-only end-to-end tests share one in-process server (it loads the default dataset once). A class that writes
/// does not belong here: it takes its own server (<see cref="OwnServerCollection"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "in-process server";
}
