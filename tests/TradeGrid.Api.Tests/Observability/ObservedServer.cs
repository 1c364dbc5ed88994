using TradeGrid.Api.Security;
using TradeGrid.Api.Tests.Security;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Observability;

/// <summary>
/// A server with authentication on (a key per role), the Prometheus scrape endpoint and the Orleans dashboard each
/// on a port of its own (port 0, read back). No default data: the tests only need a call or two to be counted.
/// </summary>
public sealed class ObservedServer : ServerFixture
{
    public TestKeys Keys { get; } = new(Roles.Reader, Roles.Admin);

    /// <summary>The scrape listener: the third address the host listens on.</summary>
    public string MetricsAddress => Addresses[2];

    /// <summary>The admin listener: the fourth.</summary>
    public string AdminAddress => Addresses[3];

    protected override IEnumerable<string> Arguments =>
    [
        "--no-default-data", "--metrics-port", "0", "--dashboard-port", "0", .. Keys.Arguments,
        // Every scrape sees the latest counts (the exporter otherwise answers from a copy up to 300 ms old).
        "--TradeGrid:Observability:ScrapeCacheMilliseconds=0",
    ];
}
