using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Grains.Scenarios;

namespace TradeGrid.Api.Tests.Scenarios;

/// <summary>A server of its own (the default dataset) whose scenario jobs wait at their first checkpoint until the test releases them (<see cref="HeldJobHooks"/>).</summary>
public sealed class HeldJobsServer : ServerFixture
{
    public HeldJobHooks Hooks { get; } = new();

    /// <summary>A checkpoint after every wave, so the first one comes after the first wave.</summary>
    protected override IEnumerable<string> Arguments => ["--TradeGrid:Scenarios:CheckpointSeconds=0"];

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<IJobHooks>(Hooks);
}
