namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// One run of the world pipeline as a durable job (key: the job id). It stores its plan before it starts and its
/// outcome, with the staged write, before it commits: a new activation on another silo resumes it, and a caller that
/// sends the same plan again gets its result without running it twice.
/// </summary>
[Alias("TradeGrid.IWorldJobGrain")]
public interface IWorldJobGrain : IGrainWithStringKey
{
    /// <summary>Whether a job has this id (running or ended, its outcome still kept).</summary>
    [Alias("Known")]
    ValueTask<bool> Known();

    /// <summary>
    /// Starts the job with <paramref name="plan"/> and returns its outcome; when the job is already running or has
    /// ended, waits for it or returns its outcome (a different request under the same id is refused). The caller's
    /// cancellation stops the job (before the commit point nothing is written). Not cut at Orleans' default response
    /// timeout: the caller's deadline bounds it.
    /// </summary>
    [Alias("Run")]
    [ResponseTimeout("01:00:00")]
    ValueTask<WorldOutcome> Run(WorldJobPlan plan, CancellationToken cancellationToken = default);
}
