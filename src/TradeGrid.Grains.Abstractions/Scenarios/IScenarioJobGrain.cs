namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>
/// One scenario job (key: job id). It runs the job itself (<see cref="Start"/>: the job outlives its caller) or records a
/// job a gateway runs for a streaming caller (<see cref="Register"/>, <see cref="Progress"/>, <see cref="Complete"/>).
/// A completed job's result is kept, and written to grain storage when the plan says store; a cancelled job stores nothing.
/// </summary>
[Alias("TradeGrid.IScenarioJobGrain")]
public interface IScenarioJobGrain : IGrainWithStringKey
{
    [Alias("Start")]
    ValueTask<ScenarioJobStatus> Start(ScenarioPlan plan);

    [Alias("Register")]
    ValueTask<ScenarioJobStatus> Register(ScenarioPlan plan);

    /// <summary>Records progress of a job run elsewhere; returns true when the job has been cancelled (the runner stops).</summary>
    [Alias("Progress")]
    ValueTask<bool> Progress(int done, int skipped);

    [Alias("Complete")]
    ValueTask<ScenarioJobStatus> Complete(ScenarioResultRecord result);

    /// <summary>Ends a job as cancelled or failed, with the reason; nothing is stored.</summary>
    [Alias("Stop")]
    ValueTask<ScenarioJobStatus> Stop(int state, string message);

    [Alias("Cancel")]
    ValueTask<ScenarioJobStatus?> Cancel();

    /// <summary>The job's state; null when no job has this id.</summary>
    [Alias("GetStatus")]
    ValueTask<ScenarioJobStatus?> GetStatus();

    /// <summary>The result of a completed job; null otherwise.</summary>
    [Alias("GetResult")]
    ValueTask<ScenarioResultRecord?> GetResult();
}
