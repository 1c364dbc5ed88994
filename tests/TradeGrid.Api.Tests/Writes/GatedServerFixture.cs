using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TradeGrid.Api.Hosting;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Tests.Writes;

/// <summary>
/// A fresh in-process server (its own silo, the default dataset loaded) whose writes pass a <see cref="CommitGate"/>
/// at the commit point, for tests that cancel writes and must not disturb the shared server's data.
/// </summary>
public sealed class GatedServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public CommitGate Gate { get; } = new();

    // Set by InitializeAsync, which xunit runs before any test sees the fixture.
    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        int[] ports = FreePorts.Take(4);
        _app = TradeGridHost.Build(
        [
            "--grpc-port", ports[0].ToString(), "--http-port", ports[1].ToString(),
            "--silo-port", ports[2].ToString(), "--gateway-port", ports[3].ToString(), "--Logging:LogLevel:Default=Warning",
        ], builder => builder.Services.AddSingleton<IWriteHooks>(Gate));
        await _app.StartAsync();
        await _app.Services.GetRequiredService<DatasetReadiness>().WhenReady.WaitAsync(TimeSpan.FromMinutes(2));
        Gate.Grains = _app.Services.GetRequiredService<IGrainFactory>();
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{ports[0]}");
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
