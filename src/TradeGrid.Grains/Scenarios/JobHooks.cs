namespace TradeGrid.Grains.Scenarios;

/// <summary>Hooks that wait for nothing: the server's.</summary>
public sealed class JobHooks : IJobHooks
{
    public static readonly JobHooks None = new();

    public ValueTask CheckpointedAsync(string jobId, int chunks) => ValueTask.CompletedTask;
}
