using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TradeGrid.Api.Tests.Support;
using TradeGrid.Grains.Scenarios;

namespace TradeGrid.Api.Tests.Scenarios;

/// <summary>A server of its own whose scenario jobs store a checkpoint after every wave (TradeGrid:Scenarios:CheckpointSeconds=0).</summary>
public sealed class EveryWaveCheckpointServer : ServerFixture
{
    public CountingJobHooks Hooks { get; } = new();

    protected override IEnumerable<string> Arguments => ["--TradeGrid:Scenarios:CheckpointSeconds=0"];

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<IJobHooks>(Hooks);
}

/// <summary>A server of its own whose scenario jobs store a checkpoint at most once an hour: none in a job of seconds.</summary>
public sealed class HourlyCheckpointServer : ServerFixture
{
    public CountingJobHooks Hooks { get; } = new();

    protected override IEnumerable<string> Arguments => ["--TradeGrid:Scenarios:CheckpointSeconds=3600"];

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<IJobHooks>(Hooks);
}
