using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Google.Api;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TradeGrid.Api.Security;
using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// Every RPC of every service × {no credentials, a junk Authorization header, reader, writer, admin} → the status
/// this table expects, over gRPC and, for RPCs with a JSON route, over HTTP. The RPCs come from the generated
/// descriptors, so an RPC added to a proto gets rows here at once and they fail until <see cref="Expected"/> names
/// the role it needs. RPCs whose request can store (store, or Fill's dry_run) are called both ways.
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed partial class AccessMatrixTests(AccessServer server) : IClassFixture<AccessServer>
{
    private const string Open = "";
    private const string R = Roles.Reader;
    private const string W = Roles.Writer;
    private const string A = Roles.Admin;

    /// <summary>The role each RPC needs: for the empty request, and with its store/dry_run flag set to true.</summary>
    private static readonly Dictionary<string, (string Empty, string? Flagged)> Expected = new(StringComparer.Ordinal)
    {
        ["DataService.ListEconomies"] = (R, null),
        ["DataService.GetEconomy"] = (R, null),
        ["DataService.ListIndicators"] = (R, null),
        ["DataService.ListGroups"] = (R, null),
        ["DataService.GetSeries"] = (R, null),
        ["DataService.GetPanel"] = (R, null),
        ["DataService.Import"] = (W, null),
        ["DescribeService.Growth"] = (R, null),
        ["DescribeService.Share"] = (R, null),
        ["DescribeService.Ratio"] = (R, null),
        ["DescribeService.Balance"] = (R, null),
        ["DescribeService.Aggregate"] = (R, null),
        ["DescribeService.Contributions"] = (R, null),
        ["DescribeService.CheckPublishedGrowth"] = (R, null),
        ["DescribeService.Fill"] = (W, R), // an empty FillRequest is not a dry run: it stores
        ["EstimateService.Fit"] = (R, null),
        ["EstimateService.GetFit"] = (R, null),
        ["EstimateService.ListFits"] = (R, null),
        ["EstimateService.CompareFits"] = (R, null),
        ["ExtrapolationService.Predict"] = (R, W),
        ["ExtrapolationService.EstimateWorld"] = (R, W),
        ["ForecastService.Forecast"] = (R, W),
        ["ForecastService.ForecastAll"] = (R, W),
        ["ForecastService.GetForecastJob"] = (R, null),
        ["ScenarioService.StartScenario"] = (R, W),
        ["ScenarioService.RunScenario"] = (R, W),
        ["ScenarioService.GetScenario"] = (R, null),
        ["ScenarioService.ListScenarios"] = (R, null),
        ["ScenarioService.CancelScenario"] = (W, null),
        ["WriteService.GetWrite"] = (R, null),
        ["AdminService.CreateApiKey"] = (A, null),
        ["AdminService.ListApiKeys"] = (A, null),
        ["AdminService.RevokeApiKey"] = (A, null),
        ["AdminService.ListAuditEntries"] = (A, null),
        ["AdminService.ListLimits"] = (A, null),
        ["AdminService.SetCallerLimit"] = (A, null),
        ["AdminService.RemoveCallerLimit"] = (A, null),
        ["Health.Check"] = (Open, null),
        ["Health.Watch"] = (Open, null),
        ["Health.List"] = (Open, null),
        ["ServerReflection.ServerReflectionInfo"] = (Open, null),
    };

    private static readonly string[] Callers = ["none", "junk", R, W, A];

    public static IEnumerable<object[]> Calls() =>
        from rpc in ServedRpc.All()
        from flagged in rpc.Flag is null ? new[] { false } : [false, true]
        from caller in Callers
        select new object[] { rpc.Name, flagged, caller };

    public static IEnumerable<object[]> JsonCalls() =>
        from rpc in ServedRpc.All()
        where rpc.Http is not null
        from flagged in rpc.Flag is null ? new[] { false } : [false, true]
        from caller in Callers
        select new object[] { rpc.Name, flagged, caller };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Grpc_call_gets_the_status_its_role_allows(string rpc, bool flagged, string caller)
    {
        ServedRpc served = ServedRpc.Find(rpc);
        string needed = Needed(rpc, flagged);

        StatusCode status = await served.CallAsync(server.Channel.CreateCallInvoker(), served.Request(flagged), Headers(caller));

        Assert.Equal(ExpectedStatus(needed, caller), status);
    }

    [Theory]
    [MemberData(nameof(JsonCalls))]
    public async Task Json_call_gets_the_http_status_its_role_allows(string rpc, bool flagged, string caller)
    {
        ServedRpc served = ServedRpc.Find(rpc);
        string needed = Needed(rpc, flagged);
        using HttpRequestMessage request = JsonRequest(served, flagged);
        foreach (Metadata.Entry header in Headers(caller))
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using HttpResponseMessage response = await server.Http.SendAsync(request);

        HttpStatusCode expected = ExpectedStatus(needed, caller) switch
        {
            StatusCode.Unauthenticated => HttpStatusCode.Unauthorized,
            StatusCode.PermissionDenied => HttpStatusCode.Forbidden,
            _ => HttpStatusCode.InternalServerError, // the transcoder's mapping of ReachedServiceInterceptor's DataLoss
        };
        Assert.True(expected == response.StatusCode, $"{request.Method} {request.RequestUri} as {caller}: expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public void The_server_maps_exactly_the_rpcs_of_the_descriptors()
    {
        string[] mapped = server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>())
            .OfType<GrpcMethodMetadata>()
            .Where(m => !m.Method.Name.Contains('{'))
            .Select(m => $"{m.Method.ServiceName[(m.Method.ServiceName.LastIndexOf('.') + 1)..]}.{m.Method.Name}")
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        string[] described = ServedRpc.All().Select(r => r.Name).Where(n => !n.StartsWith("Health.List", StringComparison.Ordinal) || mapped.Contains(n)).ToArray();

        Assert.Equal(described, mapped);
    }

    [Fact]
    public void Every_rpc_of_the_protos_has_an_access_rule_in_the_server()
    {
        string[] unlisted = ServedRpc.All().Where(r => !RpcAccessTable.Lists(r.Method.Service.FullName, r.Method.Name)).Select(r => r.Name).ToArray();

        Assert.True(unlisted.Length == 0, $"add these RPCs to RpcAccessTable (until then they need admin): {string.Join(", ", unlisted)}");
    }

    private static string Needed(string rpc, bool flagged)
    {
        Assert.True(Expected.TryGetValue(rpc, out (string Empty, string? Flagged) roles),
            $"{rpc} has no row in AccessMatrixTests.Expected: add the role it needs (and RpcAccessTable's rule in the server)");
        return flagged ? roles.Flagged ?? throw new InvalidOperationException($"{rpc}: its request has a store flag; give the role it needs with it") : roles.Empty;
    }

    private static StatusCode ExpectedStatus(string needed, string caller) => caller switch
    {
        _ when needed == Open => ReachedServiceInterceptor.Status,
        "none" or "junk" => StatusCode.Unauthenticated,
        _ => Roles.Implied(caller).Contains(needed) ? ReachedServiceInterceptor.Status : StatusCode.PermissionDenied,
    };

    private Metadata Headers(string caller) => caller switch
    {
        "none" => [],
        "junk" => [new Metadata.Entry("authorization", "Basic dXNlcjpwYXNz")],
        _ => [new Metadata.Entry(ApiKeyAuthenticationHandler.KeyHeader, server.Keys[caller])],
    };

    private static HttpRequestMessage JsonRequest(ServedRpc rpc, bool flagged)
    {
        HttpRule rule = rpc.Http!; // JsonCalls yields only RPCs with a route
        (HttpMethod method, string template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
            HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
            HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
            HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
            _ => (HttpMethod.Patch, rule.Patch),
        };
        string path = RouteVariable().Replace(template, "X");
        // flagged only when there is a flag: {"store":true}, {"spec":{"store":true}}, or ?store=true on a GET
        string[] flag = flagged ? rpc.Flag!.Select(f => f.JsonName).ToArray() : [];
        if (rule.Body.Length > 0)
        {
            string json = flagged ? flag.Reverse().Aggregate("true", (inner, name) => $"{{\"{name}\":{inner}}}") : "{}";
            return new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
        return new HttpRequestMessage(method, flagged ? $"{path}?{string.Join('.', flag)}=true" : path);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteVariable();
}
