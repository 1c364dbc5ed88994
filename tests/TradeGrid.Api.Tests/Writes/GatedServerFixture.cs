using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Tests.Writes;

/// <summary>
/// A server of its own whose writes pass a <see cref="CommitGate"/> at their commit point, and whose requests in
/// flight are counted (<see cref="Calls"/>), so a test can wait for the server to finish a call its client cut.
/// </summary>
public sealed class GatedServerFixture : ServerFixture
{
    public CommitGate Gate { get; } = new();

    public CallTracker Calls { get; } = new();

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IStartupFilter>(Calls);
        builder.Services.AddSingleton<IWriteHooks>(services =>
        {
            Gate.Grains = services.GetRequiredService<IGrainFactory>();
            return Gate;
        });
    }
}
