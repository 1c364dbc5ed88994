namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// A point of a long job where a host can wait: after a checkpoint is stored. The server uses <see cref="JobHooks.None"/>;
/// tests that run silos as processes hold a job there and kill its silo, so what is resumed does not depend on timing.
/// </summary>
public interface IJobHooks
{
    ValueTask CheckpointedAsync(string jobId, int chunks);
}
