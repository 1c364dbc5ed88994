using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Scenarios;

namespace TradeGrid.Grains.Tests.Scenarios;

/// <summary>A sink that takes every economy's result and every wave's checkpoint and keeps nothing: for tests that read the summary only.</summary>
public sealed class NullScenarioSink : IScenarioSink
{
    public static readonly NullScenarioSink Instance = new();

    public ValueTask<bool> EconomyDoneAsync(ScenarioSeriesRecord economy, int done, int total, int skipped) => ValueTask.FromResult(false);

    public ValueTask WaveDoneAsync(ScenarioCheckpoint checkpoint) => ValueTask.CompletedTask;
}
