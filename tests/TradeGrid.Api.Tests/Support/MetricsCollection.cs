namespace TradeGrid.Api.Tests.Support;

/// <summary>
/// Tests that read ASP.NET Core's metrics from a server's scrape endpoint run alone, after every other collection.
/// Each host's meters are named alike ("Microsoft.AspNetCore.Hosting"), and OpenTelemetry's listener in the observed
/// host merges all same-named instruments of the process into one stream: when another test's host is disposed, its
/// instruments end and the shared stream is dropped, so a request counted a moment earlier vanishes from the scrape.
/// A production process has one host; only a test process has many.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics scraped from a server, alone in the process";
}
