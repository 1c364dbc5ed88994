using Grpc.Core;
using Microsoft.Extensions.Logging;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Scenarios;

namespace TradeGrid.Api.Scenarios;

/// <summary>
/// RunScenario's stream: follows a scenario job that its job grain runs and streams what the job has done, in plan
/// order: each economy followed by the progress, then the summary. A read that fails because the job's silo was lost
/// is repeated: the read activates the job on a live silo, which resumes it from its last checkpoint, and the stream
/// goes on with the economies it has not sent yet (a resumed job has the same economies at the same places, bit for bit).
/// </summary>
public sealed class ScenarioFollower(IGrainFactory grains, CatalogCache catalog, ILogger logger)
{
    /// <summary>How long one read waits in the job grain for the next economy: the stream gets each as it completes.</summary>
    private static readonly TimeSpan ReadWait = TimeSpan.FromSeconds(2);

    /// <summary>How long a stream keeps asking a job it cannot reach: longer than failure detection plus a resume.</summary>
    private static readonly TimeSpan LostJobGiveUp = TimeSpan.FromMinutes(5);

    public async Task FollowAsync(string jobId, IServerStreamWriter<RunScenarioResponse> stream, CancellationToken cancellationToken)
    {
        IScenarioJobGrain job = grains.ScenarioJob(jobId);
        int seen = 0;
        int skipped = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ScenarioJobPage page = await AskAsync(jobId, () => job.Read(seen, ReadWait, cancellationToken), cancellationToken)
                ?? throw Lost(jobId, "its record was lost with a silo (the memory backend keeps jobs in a silo's memory only)");
            int total = page.Status.Total;
            foreach (ScenarioSeriesRecord economy in page.Economies)
            {
                seen++;
                skipped += economy.Skipped.Length > 0 ? 1 : 0;
                await stream.WriteAsync(new RunScenarioResponse { Economy = economy.ToProto() }, cancellationToken);
                var progress = new JobProgress { Done = seen, Total = total, Skipped = skipped, Fraction = total == 0 ? 1.0 : (double)seen / total };
                await stream.WriteAsync(new RunScenarioResponse { Progress = progress }, cancellationToken);
            }

            if (page.Economies.Length > 0 || page.Status.State == ScenarioJobStatus.Running)
            {
                continue;
            }

            switch (page.Status.State)
            {
                case ScenarioJobStatus.Completed:
                    ScenarioResultRecord result = await AskAsync(jobId, () => job.GetResult(), cancellationToken)
                        ?? throw Lost(jobId, "it completed, but its result was not stored and is no longer in memory (its grain was deactivated, or its silo lost); run it again, with store to keep it");
                    CatalogView view = await catalog.GetAsync(cancellationToken);
                    await stream.WriteAsync(new RunScenarioResponse { Summary = result.ToProto(economies: false, view) }, cancellationToken);
                    return;
                case ScenarioJobStatus.Cancelled:
                    throw new RpcException(new Status(StatusCode.Cancelled, $"Scenario job {jobId} was {page.Status.Message}."));
                default:
                    throw Failed(jobId, page.Status);
            }
        }
    }

    /// <summary>
    /// A failed job's error: a domain error keeps the status it had when the job ran in the caller's request (e.g. the
    /// Box 2 scaling without world totals: FailedPrecondition); a fault the job could not get past is Unavailable.
    /// </summary>
    private static RpcException Failed(string jobId, ScenarioJobStatus status)
    {
        StatusCode code = status.FailedWith switch
        {
            nameof(InsufficientDataException) or nameof(SingularDesignException) or nameof(NoConvergenceException) => StatusCode.FailedPrecondition,
            nameof(InvalidSpecException) => StatusCode.InvalidArgument,
            nameof(UnknownEconomyException) or nameof(UnknownIndicatorException) or nameof(FitNotFoundException) => StatusCode.NotFound,
            nameof(ResourceLimitException) => StatusCode.ResourceExhausted,
            "" => StatusCode.Unavailable,
            _ => StatusCode.Internal,
        };
        return new RpcException(new Status(code, code == StatusCode.Unavailable
            ? $"Scenario job {jobId} failed: {status.Message}; nothing was stored, run it again"
            : status.Message));
    }

    private static RpcException Lost(string jobId, string what) =>
        new(new Status(StatusCode.Unavailable, $"Scenario job {jobId}: {what}."));

    /// <summary>Asks the job, repeating calls lost with a silo until the job answers on a live one.</summary>
    private async Task<T> AskAsync<T>(string jobId, Func<ValueTask<T>> ask, CancellationToken cancellationToken)
    {
        DateTime giveUp = DateTime.UtcNow + LostJobGiveUp;
        while (true)
        {
            try
            {
                return await ask();
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException && DateTime.UtcNow < giveUp && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Scenario job {JobId}: asking it failed ({Reason}); asking again", jobId, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                throw Lost(jobId, "the silo running it was lost and it has not answered since; GetScenario {job_id} returns its result once it completes");
            }
        }
    }
}
