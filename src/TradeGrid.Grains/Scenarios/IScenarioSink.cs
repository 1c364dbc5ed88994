using TradeGrid.Grains.Abstractions.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>Where a running scenario reports each finished economy and its progress; answers true when the job must stop (cancelled).</summary>
public interface IScenarioSink
{
    ValueTask<bool> EconomyDoneAsync(ScenarioSeriesRecord economy, int done, int total, int skipped);
}
