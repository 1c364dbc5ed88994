using TradeGrid.Api.Tests.Support;

namespace TradeGrid.Api.Tests.Security;

/// <summary>TLS end to end: HTTP/2 over TLS on the gRPC port for the client (--ca, --insecure), HTTPS on the JSON port.</summary>
[Collection(OwnServerCollection.Name)]
public sealed class TlsTests(TlsServer server) : IClassFixture<TlsServer>
{
    [Fact]
    public async Task The_client_trusts_the_server_through_its_ca_file()
    {
        int exit = await ClientRunner.RunAsync("--server", server.GrpcAddress, "--ca", server.CaPath, "groups");

        Assert.StartsWith("https://", server.GrpcAddress);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Without_the_ca_the_client_refuses_the_certificate()
    {
        int exit = await ClientRunner.RunAsync("--server", server.GrpcAddress, "groups");

        Assert.Equal(6, exit); // Unavailable: the TLS handshake failed
    }

    [Fact]
    public async Task Insecure_skips_the_check()
    {
        int exit = await ClientRunner.RunAsync("--server", server.GrpcAddress, "--insecure", "groups");

        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Healthz_answers_over_https()
    {
        using HttpResponseMessage response = await server.Http.GetAsync("/healthz");

        Assert.StartsWith("https://", server.HttpAddress);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
