using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using TradeGrid.Api.Hosting;

namespace TradeGrid.Api.Tests.Support;

/// <summary>
/// The real server (silo + gateway) in this process with the default dataset loaded; tests talk to it over real gRPC
/// and HTTP. Small import limits let the ResourceExhausted paths be reached.
/// Ports come from the OS and are never released and bound again (another process could take a port in between):
/// Kestrel binds port 0 for gRPC and HTTP and the fixture reads back the bound addresses; the silo listens on port 0
/// too and has no client gateway (this process's code calls the grains directly). The silo port it advertises is
/// never bound: a single silo opens no connection to itself.
/// Not sealed: a fixture may add services to the host (see Forecasting/ForecastGateServer).
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    public const long MaxImportBytes = 4_000_000;

    /// <summary>
    /// Only a guard against a start-up that hangs, not a speed requirement: loading the default dataset takes
    /// seconds on a quiet machine and under a minute on a busy one.
    /// </summary>
    private static readonly TimeSpan StartHangGuard = TimeSpan.FromMinutes(10);

    private WebApplication? _app;

    // Set by InitializeAsync, which xunit runs before any test sees the fixture.
    public GrpcChannel Channel { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public string GrpcAddress { get; private set; } = string.Empty;
    public string HttpAddress { get; private set; } = string.Empty;
    public string ReadySummary { get; private set; } = string.Empty;

    /// <summary>Every bound address, in the order the host listens (gRPC, HTTP, then metrics and admin when configured).</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _app = TradeGridHost.Build(
        [
            "--grpc-port", "0", "--http-port", "0", "--gateway-port", "0",
            $"--TradeGrid:Import:MaxBytes={MaxImportBytes}", "--Logging:LogLevel:Default=Warning", .. Arguments,
        ], builder =>
        {
            builder.Services.Configure<EndpointOptions>(o => o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, 0));
            Configure(builder);
        });
        await _app.StartAsync();
        // Kestrel reports its bound addresses in the order the host listens: gRPC (HTTP/2) first, then HTTP/1.1, then
        // the metrics and admin listeners when configured.
        string[] addresses = [.. _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses];
        if (addresses.Length < 2)
        {
            throw new InvalidOperationException($"expected the gRPC and the HTTP address, got [{string.Join(", ", addresses)}]");
        }
        Addresses = addresses;
        ReadySummary = await _app.Services.GetRequiredService<DatasetReadiness>().WhenReady.WaitAsync(StartHangGuard);
        GrpcAddress = addresses[0];
        HttpAddress = addresses[1];
        Channel = GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions { HttpHandler = CreateHandler() });
        Http = new HttpClient(CreateHandler() ?? new SocketsHttpHandler()) { BaseAddress = new Uri(addresses[1]) };
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>The host's services, for tests that look inside the server.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("the server is not started");

    /// <summary>Command-line arguments added to the server's (configuration read before the host is built); none by default.</summary>
    protected virtual IEnumerable<string> Arguments => [];

    /// <summary>The HTTP handler of <see cref="Channel"/> and <see cref="Http"/> (a TLS server's fixture trusts its own authority); null: the default.</summary>
    protected virtual HttpMessageHandler? CreateHandler() => null;

    /// <summary>Adds to the host before it is built; the default adds nothing.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }
}
