using System.Globalization;
using System.Net;
using Grpc.Core;
using TradeGrid.Api.Security;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Observability;

/// <summary>
/// The scrape endpoint serves Orleans' and gRPC's metrics on its own port and nothing else; the Orleans dashboard is
/// served on the admin port to the admin role only, and on the API's ports not at all, whatever the credentials.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class ObservabilityTests(ObservedServer server) : IClassFixture<ObservedServer>
{
    /// <summary>Only a guard against a metric that never comes, not a speed requirement.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Metrics_port_serves_orleans_and_grpc_metrics()
    {
        var data = new DataService.DataServiceClient(server.Channel);
        await data.ListIndicatorsAsync(new ListIndicatorsRequest(), new Metadata { { ApiKeyAuthenticationHandler.KeyHeader, server.Keys[Roles.Reader] } });
        using var http = new HttpClient();

        // The server records a call's duration as the call ends, which may be a moment after the client has its answer.
        // gRPC calls are counted by ASP.NET Core's http.server.request.duration, one series per RPC (its route).
        string text = await ScrapeUntilAsync(http, t => t.Contains(ListIndicatorsRoute, StringComparison.Ordinal));

        string[] lines = text.Split('\n');
        string grpc = Assert.Single(lines, l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && l.Contains(ListIndicatorsRoute, StringComparison.Ordinal));
        Assert.Contains("network_protocol_version=\"2\"", grpc);
        Assert.True(Value(grpc) >= 1, grpc);
        // Orleans' meter: the gateway's grain calls (the catalogue) were timed.
        string grainCalls = Assert.Single(lines, l => l.StartsWith("orleans_app_requests_latency_milliseconds_count{", StringComparison.Ordinal));
        Assert.True(Value(grainCalls) >= 1, grainCalls);
        Assert.Contains(lines, l => l.StartsWith("orleans_catalog_activations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Completed_grpc_calls_are_counted_by_method_and_status_code()
    {
        var data = new DataService.DataServiceClient(server.Channel);
        var reader = new Metadata { { ApiKeyAuthenticationHandler.KeyHeader, server.Keys[Roles.Reader] } };
        await data.ListGroupsAsync(new ListGroupsRequest(), reader);
        // No default data: every economy is unknown.
        RpcException notFound = await Assert.ThrowsAsync<RpcException>(async () => await data.GetEconomyAsync(new GetEconomyRequest { Economy = "XXQ" }, reader));
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        using var http = new HttpClient();

        // Counted as the call ends on the server, which may be a moment after the client has its answer.
        string text = await ScrapeUntilAsync(http, t => Calls(t, "ListGroups", StatusCode.OK).Length == 1 && Calls(t, "GetEconomy", StatusCode.NotFound).Length == 1);

        Assert.True(Value(Calls(text, "ListGroups", StatusCode.OK)[0]) >= 1);
        Assert.True(Value(Calls(text, "GetEconomy", StatusCode.NotFound)[0]) >= 1);
        Assert.Empty(Calls(text, "GetEconomy", StatusCode.OK));
    }

    /// <summary>The lines of the calls counter for one DataService method and status.</summary>
    private static string[] Calls(string scrape, string method, StatusCode status) =>
        scrape.Split('\n').Where(l => l.StartsWith("tradegrid_grpc_server_calls_total{", StringComparison.Ordinal)
            && l.Contains("rpc_service=\"tradegrid.v1.DataService\"", StringComparison.Ordinal)
            && l.Contains($"rpc_method=\"{method}\"", StringComparison.Ordinal)
            && l.Contains($"rpc_grpc_status_code=\"{(int)status}\"", StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task Metrics_port_serves_nothing_else_and_the_api_ports_serve_no_metrics()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.KeyHeader, server.Keys[Roles.Admin]);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(server.MetricsAddress + "/v1/indicators")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(server.MetricsAddress + "/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(server.HttpAddress + "/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(server.MetricsAddress + "/metrics")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_is_not_reachable_on_the_public_ports_even_for_an_admin()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.KeyHeader, server.Keys[Roles.Admin]);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(server.AdminAddress + "/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(server.HttpAddress + "/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(server.HttpAddress + "/dashboard")).StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Reader, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    public async Task Dashboard_on_the_admin_port_needs_the_admin_role(string? role, HttpStatusCode expected)
    {
        using var http = new HttpClient();
        if (role is not null)
        {
            http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.KeyHeader, server.Keys[role]);
        }

        HttpResponseMessage response = await http.GetAsync(server.AdminAddress + "/dashboard/");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Admin_port_serves_the_dashboard_only()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.KeyHeader, server.Keys[Roles.Admin]);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(server.AdminAddress + "/v1/indicators")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(server.AdminAddress + "/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(server.AdminAddress + "/healthz")).StatusCode);
    }

    private const string ListIndicatorsRoute = "http_route=\"/tradegrid.v1.DataService/ListIndicators\"";

    private static double Value(string line) => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);

    private async Task<string> ScrapeUntilAsync(HttpClient http, Func<string, bool> done)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (true)
        {
            string text = await http.GetStringAsync(server.MetricsAddress + "/metrics", guard.Token);
            if (done(text))
            {
                return text;
            }
            await Task.Delay(50, guard.Token);
        }
    }
}
