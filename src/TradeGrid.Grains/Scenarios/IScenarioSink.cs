using TradeGrid.Grains.Abstractions.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>Where a running scenario reports each finished economy and its progress (answering true when the job must stop: cancelled) and each whole wave.</summary>
public interface IScenarioSink
{
    ValueTask<bool> EconomyDoneAsync(ScenarioSeriesRecord economy, int done, int total, int skipped);

    /// <summary>
    /// Whether the sink stores a checkpoint now (asked at the end of each wave or block): when it does not, the
    /// coordinator does not make one (each copies the aggregates' path sums).
    /// </summary>
    bool KeepsCheckpoints => true;

    /// <summary>A whole wave is done: a job that can be resumed stores the checkpoint (the others ignore it).</summary>
    ValueTask WaveDoneAsync(ScenarioCheckpoint checkpoint);
}
