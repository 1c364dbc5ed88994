using Orleans.Concurrency;

namespace TradeGrid.Grains.Abstractions.Forecasting;

/// <summary>
/// One ForecastAll job (key: job id). It runs the job itself, chunk by chunk, storing every chunk's outcomes: the job
/// outlives the silo that runs it (a new activation resumes after the last stored chunk) and the gateway that
/// started it (the caller reads the result by job id). Only <see cref="Cancel"/> stops it early.
/// </summary>
[Alias("TradeGrid.IForecastJobGrain")]
public interface IForecastJobGrain : IGrainWithStringKey
{
    /// <summary>Stores the plan and starts the job (a second call with the job running or ended changes nothing).</summary>
    [Alias("Start")]
    ValueTask<ForecastJobStatus> Start(ForecastJobPlan plan);

    /// <summary>
    /// The status and the outcomes from index <paramref name="from"/> on. While the job runs and has stored nothing past
    /// <paramref name="from"/>, waits up to <paramref name="wait"/> for its next chunk or its end, so a follower gets
    /// each chunk as it is stored without asking in a loop. Interleaves with the job's other calls: it only reads the
    /// job's state. Null when no job has this id. The caller's cancellation ends the wait.
    /// </summary>
    [Alias("Read"), AlwaysInterleave]
    ValueTask<ForecastJobPage?> Read(int from, TimeSpan wait, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops a running job and returns once it has stopped: before its commit point nothing is stored (the write is
    /// aborted); a job already past it completes (the status says so). Null when no job has this id.
    /// </summary>
    [Alias("Cancel")]
    ValueTask<ForecastJobStatus?> Cancel(string reason);
}
