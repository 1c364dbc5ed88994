using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Tests.Writes;

/// <summary>A server of its own whose writes pass a <see cref="CommitGate"/> at their commit point.</summary>
public sealed class GatedServerFixture : ServerFixture
{
    public CommitGate Gate { get; } = new();

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<IWriteHooks>(services =>
        {
            Gate.Grains = services.GetRequiredService<IGrainFactory>();
            return Gate;
        });
}
