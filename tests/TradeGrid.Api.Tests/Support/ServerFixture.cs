using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TradeGrid.Api.Hosting;

namespace TradeGrid.Api.Tests.Support;

/// <summary>
/// The real server (silo + gateway) in this process, on free loopback ports, with the default dataset loaded;
/// tests talk to it over real gRPC and HTTP. Small import limits let the ResourceExhausted paths be reached.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const long MaxImportBytes = 4_000_000;

    private WebApplication? _app;

    // Set by InitializeAsync, which xunit runs before any test sees the fixture.
    public GrpcChannel Channel { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public string GrpcAddress { get; private set; } = string.Empty;
    public string ReadySummary { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        int[] ports = FreePorts.Take(4);
        _app = TradeGridHost.Build(
        [
            "--grpc-port", ports[0].ToString(), "--http-port", ports[1].ToString(),
            "--silo-port", ports[2].ToString(), "--gateway-port", ports[3].ToString(),
            $"--TradeGrid:Import:MaxBytes={MaxImportBytes}", "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync();
        ReadySummary = await _app.Services.GetRequiredService<DatasetReadiness>().WhenReady.WaitAsync(TimeSpan.FromMinutes(2));
        GrpcAddress = $"http://127.0.0.1:{ports[0]}";
        Channel = GrpcChannel.ForAddress(GrpcAddress);
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[1]}") };
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
}
