using Orleans.Concurrency;

namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>
/// One scenario job (key: job id), run by the grain itself (<see cref="Start"/>): StartScenario's and RunScenario's
/// alike, so the job outlives its caller's connection and resumes after the loss of its silo. RunScenario's stream
/// follows it with <see cref="Read"/>. A completed job's result is kept, and written to grain storage when the plan says
/// store; a cancelled job stores nothing.
/// </summary>
[Alias("TradeGrid.IScenarioJobGrain")]
public interface IScenarioJobGrain : IGrainWithStringKey
{
    /// <summary>Stores the plan and starts the job; a job already started answers its status and starts nothing.</summary>
    [Alias("Start")]
    ValueTask<ScenarioJobStatus> Start(ScenarioPlan plan);

    /// <summary>
    /// The status and the economies done from <paramref name="from"/> on (at most a page). While the job runs and has
    /// nothing past <paramref name="from"/>, waits up to <paramref name="wait"/> for the next economy or the job's end,
    /// so a follower gets each economy as it completes without asking in a loop. Interleaves with the job's other
    /// calls: it only reads the grain's fields. Null when no job has this id. The caller's cancellation ends the wait.
    /// </summary>
    [Alias("Read"), AlwaysInterleave]
    ValueTask<ScenarioJobPage?> Read(int from, TimeSpan wait, CancellationToken cancellationToken = default);

    /// <summary>Stops a running job with the reason (the job is then cancelled; nothing is stored); null when no job has this id.</summary>
    [Alias("Cancel")]
    ValueTask<ScenarioJobStatus?> Cancel(string reason);

    /// <summary>The job's state; null when no job has this id.</summary>
    [Alias("GetStatus")]
    ValueTask<ScenarioJobStatus?> GetStatus();

    /// <summary>The result of a completed job; null otherwise.</summary>
    [Alias("GetResult")]
    ValueTask<ScenarioResultRecord?> GetResult();
}
