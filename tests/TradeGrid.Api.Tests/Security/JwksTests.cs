using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.IdentityModel.Tokens;
using TradeGrid.Api.Security;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Api.V1;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// Bearer tokens checked against an identity provider's JWKS: a token the provider signed is accepted with the role it
/// carries; one signed by a key the JWKS does not hold, or naming another issuer than the provider's metadata, is
/// Unauthenticated and the message says why.
/// </summary>
[Collection(OwnServerCollection.Name)]
public sealed class JwksTests(JwksServer server) : IClassFixture<JwksServer>
{
    [Fact]
    public async Task A_token_signed_by_the_providers_key_is_accepted_with_its_role()
    {
        string writer = server.Provider.Token("dana", Roles.Writer, JwksServer.Audience);
        string reader = server.Provider.Token("erin", Roles.Reader, JwksServer.Audience);
        string file = Path.Combine(Directory.CreateTempSubdirectory("tradegrid-jwks-").FullName, "x.csv");
        await File.WriteAllTextAsync(file, "economy,indicator,year,value\nXJA,jw_x,2020,1\n");
        string[] import = ["--server", server.GrpcAddress, "import", file, "--create-economies"];

        int byWriter = await ClientRunner.RunAsync([.. import, "--token", writer]);
        int byReader = await ClientRunner.RunAsync([.. import, "--token", reader]);
        GetSeriesResponse read = await Data(reader).GetSeriesAsync(new GetSeriesRequest { Economy = "XJA", Indicator = "jw_x" });
        RpcException stored = await Assert.ThrowsAsync<RpcException>(() => Forecasts(reader).ForecastAsync(new ForecastRequest { Economy = "XJA", Indicator = "jw_x", Horizon = 1, Store = true }).ResponseAsync);

        Assert.Equal(0, byWriter);
        Assert.Equal(10, byReader); // PermissionDenied
        Assert.Equal(1.0, Assert.Single(read.Series.Observations).Value);
        Assert.Equal(StatusCode.PermissionDenied, stored.StatusCode);
        Assert.Contains("jwt:erin holds reader", stored.Status.Detail);
    }

    [Fact]
    public async Task A_token_signed_by_a_key_the_jwks_lacks_is_unauthenticated()
    {
        using var other = RSA.Create(2048);
        string forged = server.Provider.Token("mallory", Roles.Admin, JwksServer.Audience, new RsaSecurityKey(other) { KeyId = "not-in-the-jwks" });

        RpcException ex = await Assert.ThrowsAsync<RpcException>(() => Data(forged).ListIndicatorsAsync(new ListIndicatorsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("bearer token refused", ex.Status.Detail);
        Assert.Contains("signature", ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_unauthenticated_though_its_key_is_right()
    {
        string token = server.Provider.Token("dana", Roles.Admin, JwksServer.Audience, issuer: "https://elsewhere.example/");

        RpcException ex = await Assert.ThrowsAsync<RpcException>(() => Data(token).ListIndicatorsAsync(new ListIndicatorsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("issuer", ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    private DataService.DataServiceClient Data(string token) => new(server.Channel.WithBearer(token));

    private ForecastService.ForecastServiceClient Forecasts(string token) => new(server.Channel.WithBearer(token));
}
