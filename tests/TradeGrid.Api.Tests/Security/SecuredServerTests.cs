using System.Net;
using Grpc.Core;
using TradeGrid.Api.Security;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// Authentication end to end on a server with keys and JWTs: the client's import with a writer key, a reader key and
/// none; bearer tokens right and wrong; keys made and revoked through the admin RPCs; the audit of a write; the
/// per-key token bucket.
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class SecuredServerTests(SecuredServer server) : IClassFixture<SecuredServer>
{
    [Fact]
    public async Task Client_import_works_with_a_writer_key_is_denied_to_a_reader_and_unauthenticated_without_a_key()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("tradegrid-auth-").FullName, "x.csv");
        await File.WriteAllTextAsync(file, "economy,indicator,year,value\nXSA,sec_x,2020,1\n");
        string[] import = ["--server", server.GrpcAddress, "import", file, "--create-economies"];

        int writer = await ClientRunner.RunAsync([.. import, "--api-key", server.Keys[Roles.Writer]]);
        await File.WriteAllTextAsync(file, "economy,indicator,year,value\nXSA,sec_x,2020,2\n");
        int reader = await ClientRunner.RunAsync([.. import, "--api-key", server.Keys[Roles.Reader]]);
        int none = await ClientRunner.RunAsync(import);

        Assert.Equal(0, writer);
        Assert.Equal(10, reader); // PermissionDenied
        Assert.Equal(9, none); // Unauthenticated
        GetSeriesResponse series = await Data(Roles.Reader).GetSeriesAsync(new GetSeriesRequest { Economy = "XSA", Indicator = "sec_x" });
        Assert.Equal(1.0, Assert.Single(series.Series.Observations).Value); // the refused imports changed nothing
    }

    [Fact]
    public async Task A_junk_authorization_header_is_unauthenticated_and_named()
    {
        var client = new DataService.DataServiceClient(server.Channel.WithHeader("authorization", "Basic dXNlcjpwYXNz"));

        RpcException ex = await Assert.ThrowsAsync<RpcException>(() => client.ListIndicatorsAsync(new ListIndicatorsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("Authorization header: scheme 'Basic' is not accepted", ex.Status.Detail);
    }

    [Fact]
    public async Task A_key_with_a_wrong_secret_is_unauthenticated()
    {
        string key = server.Keys[Roles.Admin];
        string forged = key[..^4] + (key[^4..] == "AAAA" ? "BBBB" : "AAAA");

        RpcException ex = await Assert.ThrowsAsync<RpcException>(() => DataWithKey(forged).ListIndicatorsAsync(new ListIndicatorsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("API key 'admin': the secret does not match", ex.Status.Detail);
    }

    [Fact]
    public async Task A_reader_token_reads_and_may_not_store()
    {
        DataService.DataServiceClient data = DataWithToken(server.Token("alice", Roles.Reader));
        var forecasts = new ForecastService.ForecastServiceClient(server.Channel.WithBearer(server.Token("alice", Roles.Reader)));

        ListIndicatorsResponse indicators = await data.ListIndicatorsAsync(new ListIndicatorsRequest());
        RpcException stored = await Assert.ThrowsAsync<RpcException>(() => forecasts.ForecastAsync(new ForecastRequest { Economy = "XSA", Indicator = "sec_x", Store = true }).ResponseAsync);

        Assert.NotNull(indicators);
        Assert.Equal(StatusCode.PermissionDenied, stored.StatusCode);
        Assert.Contains("jwt:alice holds reader", stored.Status.Detail);
    }

    [Theory]
    [InlineData("audience", "audience")]
    [InlineData("expired", "expired")]
    [InlineData("signature", "signature")]
    public async Task A_token_wrong_in_one_way_is_unauthenticated_and_says_why(string wrong, string named)
    {
        string token = wrong switch
        {
            "audience" => server.Token("bob", Roles.Admin, audience: "another-service"),
            "expired" => server.Token("bob", Roles.Admin, expires: DateTime.UtcNow.AddHours(-1)),
            _ => server.Token("bob", Roles.Admin, signingKey: new byte[32]),
        };

        RpcException ex = await Assert.ThrowsAsync<RpcException>(() => DataWithToken(token).ListIndicatorsAsync(new ListIndicatorsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("bearer token refused", ex.Status.Detail);
        Assert.Contains(named, ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_token_without_a_tradegrid_role_is_denied()
    {
        RpcException ex = await Assert.ThrowsAsync<RpcException>(() => DataWithToken(server.Token("carol", role: null)).ListIndicatorsAsync(new ListIndicatorsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("needs the reader role; the caller jwt:carol holds no TradeGrid role", ex.Status.Detail);
    }

    [Fact]
    public async Task A_key_made_through_the_admin_rpc_works_for_its_role_until_revoked()
    {
        AdminService.AdminServiceClient admin = Admin();
        string id = $"analyst-{Guid.NewGuid():N}"[..20];

        CreateApiKeyResponse made = await admin.CreateApiKeyAsync(new CreateApiKeyRequest { Id = id, Role = Role.Reader, Description = "test" });
        ListIndicatorsResponse read = await DataWithKey(made.Key).ListIndicatorsAsync(new ListIndicatorsRequest());
        // A unary write: a refused client stream can end Cancelled when the client is still sending as the refusal arrives.
        var forecasts = new ForecastService.ForecastServiceClient(server.Channel.WithApiKey(made.Key));
        RpcException write = await Assert.ThrowsAsync<RpcException>(() => forecasts.ForecastAsync(new ForecastRequest { Economy = "XSB", Indicator = "sec_x", Store = true }).ResponseAsync);
        ListApiKeysResponse listed = await admin.ListApiKeysAsync(new ListApiKeysRequest());
        await admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = id });
        RpcException revoked = await Assert.ThrowsAsync<RpcException>(() => DataWithKey(made.Key).ListIndicatorsAsync(new ListIndicatorsRequest()).ResponseAsync);
        RpcException again = await Assert.ThrowsAsync<RpcException>(() => admin.CreateApiKeyAsync(new CreateApiKeyRequest { Id = id, Role = Role.Admin }).ResponseAsync);

        Assert.StartsWith($"tg_{id}_", made.Key);
        Assert.NotNull(read);
        Assert.Equal(StatusCode.PermissionDenied, write.StatusCode);
        Assert.Equal(["admin", "limited", "reader", "writer"], listed.ApiKeys.Where(k => k.Origin == "configuration").Select(k => k.Id).Order(StringComparer.Ordinal));
        ApiKeyInfo stored = Assert.Single(listed.ApiKeys, k => k.Id == id);
        Assert.Equal(("stored", Role.Reader, "key:admin"), (stored.Origin, stored.Role, stored.CreatedBy));
        Assert.Equal(StatusCode.Unauthenticated, revoked.StatusCode);
        Assert.Contains($"API key '{id}' was revoked", revoked.Status.Detail);
        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
    }

    [Fact]
    public async Task A_key_in_configuration_is_not_revoked_through_the_rpc()
    {
        RpcException ex = await Assert.ThrowsAsync<RpcException>(() => Admin().RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = Roles.Writer }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("TradeGrid:Auth:ApiKeys", ex.Status.Detail);
    }

    [Fact]
    public async Task A_write_is_audited_with_its_caller_economies_and_versions_and_a_refused_one_is_not()
    {
        string economy = "XAU";
        await Data(Roles.Writer).ImportAsync($"economy,indicator,year,value\n{economy},sec_a,2020,1\n{economy},sec_a,2021,2\n", createEconomies: true);
        await Assert.ThrowsAsync<RpcException>(() => Data(Roles.Reader).ImportAsync($"economy,indicator,year,value\n{economy},sec_a,2022,3\n", createEconomies: true));
        long version = (await Data(Roles.Reader).GetEconomyAsync(new GetEconomyRequest { Economy = economy })).DataVersion;

        ListAuditEntriesResponse byWriter = await Admin().ListAuditEntriesAsync(new ListAuditEntriesRequest { Caller = "key:writer", Limit = 1000 });
        ListAuditEntriesResponse byReader = await Admin().ListAuditEntriesAsync(new ListAuditEntriesRequest { Caller = "key:reader" });

        AuditEntry entry = Assert.Single(byWriter.Entries, e => e.Economies.Any(v => v.Economy == economy));
        Assert.Equal(("writer", "tradegrid.v1.DataService.Import", "committed", "OK"), (entry.Role, entry.Rpc, entry.Outcome, entry.Status));
        AuditEconomyVersion versions = Assert.Single(entry.Economies);
        Assert.Equal((version - 1, version), (versions.VersionBefore, versions.VersionAfter));
        Assert.Contains("\"createEconomies\": true", entry.Summary);
        Assert.Empty(byReader.Entries);
    }

    [Fact]
    public async Task The_request_after_a_keys_bucket_is_empty_is_refused_with_a_retry_after()
    {
        DataService.DataServiceClient limited = DataWithKey(server.Keys["limited"]);
        for (int i = 0; i < SecuredServer.LimitedTokens; i++)
        {
            await limited.ListGroupsAsync(new ListGroupsRequest());
        }

        RpcException grpc = await Assert.ThrowsAsync<RpcException>(() => limited.ListGroupsAsync(new ListGroupsRequest()).ResponseAsync);
        using var json = new HttpRequestMessage(HttpMethod.Get, "/v1/groups");
        json.Headers.Add(ApiKeyAuthenticationHandler.KeyHeader, server.Keys["limited"]);
        using HttpResponseMessage http = await server.Http.SendAsync(json);
        ListGroupsResponse otherKey = await Data(Roles.Reader).ListGroupsAsync(new ListGroupsRequest());

        Assert.Equal(StatusCode.ResourceExhausted, grpc.StatusCode);
        Assert.Contains("TradeGrid:RateLimits:Keys:limited", grpc.Status.Detail);
        Assert.True(int.Parse(grpc.Trailers.GetValue("retry-after")!, System.Globalization.CultureInfo.InvariantCulture) > 0, "retry-after in seconds");
        Assert.Equal(HttpStatusCode.TooManyRequests, http.StatusCode);
        Assert.True(http.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After on the HTTP answer");
        Assert.NotNull(otherKey); // buckets are per key
    }

    private DataService.DataServiceClient Data(string role) => DataWithKey(server.Keys[role]);

    private DataService.DataServiceClient DataWithKey(string key) =>
        new(server.Channel.WithApiKey(key));

    private DataService.DataServiceClient DataWithToken(string token) =>
        new(server.Channel.WithBearer(token));

    private AdminService.AdminServiceClient Admin() =>
        new(server.Channel.WithApiKey(server.Keys[Roles.Admin]));
}
