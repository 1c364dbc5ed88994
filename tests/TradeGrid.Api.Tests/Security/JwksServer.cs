using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Security;

/// <summary>
/// A server that takes its JWT signing keys from an identity provider's JWKS (TradeGrid:Auth:Jwt:MetadataAddress):
/// nothing but the provider's address and the audience is configured, so every key and the issuer come from the
/// provider's documents, fetched by the JwtBearer handler.
/// </summary>
public sealed class JwksServer : ServerFixture, IAsyncLifetime
{
    public const string Audience = "tradegrid";

    public TestIdentityProvider Provider { get; } = new();

    protected override IEnumerable<string> Arguments =>
    [
        "--no-default-data",
        $"--TradeGrid:Auth:Jwt:MetadataAddress={Provider.MetadataAddress}",
        $"--TradeGrid:Auth:Jwt:Audience={Audience}",
        "--TradeGrid:Auth:Jwt:RequireHttpsMetadata=false",
    ];

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Provider.DisposeAsync();
    }
}
