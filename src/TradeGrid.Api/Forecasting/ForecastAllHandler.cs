using Grpc.Core;
using Microsoft.Extensions.Logging;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Forecasting;
using TradeGrid.Grains.Forecasting;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Forecasting;

/// <summary>
/// The ForecastAll RPC: validates, begins the write (with store: the gateway announces its id before anything is
/// staged), hands the plan to a job grain (<see cref="ForecastJobGrain"/>, which runs it in stored chunks and
/// survives the loss of its silo), and follows the job: every outcome the job has stored is streamed in the job's
/// order, each followed by a progress message, then with store the write. A read that fails because the job's silo
/// was lost is repeated: the read activates the job on a live silo, which resumes it, and the stream goes on. The
/// caller's deadline or cancellation cancels the job (before its commit point nothing is written).
/// </summary>
public sealed class ForecastAllHandler(IGrainFactory grains, CatalogCache catalog, WriteCoordinator writes, ILogger<ForecastAllHandler> logger)
{
    /// <summary>Forecast calls a job has in flight at once.</summary>
    public static int MaxConcurrency => ForecastJobGrain.Concurrency;

    /// <summary>How long one read waits in the job grain for its next stored chunk: the stream gets each chunk as it is stored.</summary>
    private static readonly TimeSpan ReadWait = TimeSpan.FromSeconds(2);

    /// <summary>How long a stream keeps asking a job it cannot reach: longer than failure detection plus a resume.</summary>
    private static readonly TimeSpan LostJobGiveUp = TimeSpan.FromMinutes(5);

    public const string CancelledByCaller = "the caller's deadline or cancellation stopped it; nothing was written";

    public async Task StreamAsync(ForecastAllRequest request, IServerStreamWriter<ForecastAllResponse> stream, CancellationToken cancellationToken)
    {
        ForecastSpec spec = ForecastValidation.Spec(request.Indicator, request.Partner, request.Method, request.Horizon, request.Levels,
            request.TrainStart, request.TrainEnd, request.LogScale, request.Store, request.HoldoutHorizon, request.HoldoutOrigins);
        string[] economies = await MembersAsync(request, spec, cancellationToken);
        if (spec.Store)
        {
            spec = spec with { WriteId = await writes.BeginAsync(cancellationToken) };
        }
        var plan = new ForecastJobPlan { JobId = Guid.NewGuid().ToString("N"), Economies = economies, Spec = spec };
        IForecastJobGrain job = grains.ForecastJob(plan.JobId);
        ForecastJobStatus status;
        try
        {
            status = await job.Start(plan);
        }
        catch when (spec.Store)
        {
            // The job may have started all the same: aborted here, its commit is refused and it writes nothing.
            await writes.AbortAsync(spec.WriteId, economies);
            throw;
        }
        try
        {
            await stream.WriteAsync(new ForecastAllResponse { Job = status.ToProto([]) }, cancellationToken);
            await FollowAsync(job, plan, stream, cancellationToken);
        }
        catch when (cancellationToken.IsCancellationRequested)
        {
            // Whatever the cut call's last step raised (a cancelled wait, a write to a stream already closed), the job
            // must stop before this call ends: left running, it would commit the write the caller gave up on. A job
            // that has already ended is left as it is.
            ForecastJobStatus? ended = await job.Cancel(CancelledByCaller);
            if (ended?.Write is { } write)
            {
                WriteTicket.Current?.CommittedByJob(write.Sequence, write.Versions);
            }
            throw;
        }
    }

    private async Task FollowAsync(IForecastJobGrain job, ForecastJobPlan plan, IServerStreamWriter<ForecastAllResponse> stream, CancellationToken cancellationToken)
    {
        var progress = new JobProgress { Total = plan.Economies.Length };
        await stream.WriteAsync(new ForecastAllResponse { Progress = progress.Clone() }, cancellationToken);
        int seen = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ForecastJobPage page = await ReadAsync(job, plan.JobId, seen, cancellationToken);
            foreach (EconomyForecastOutcome outcome in page.Outcomes)
            {
                ForecastJobMapping.Count(progress, outcome);
                if (outcome.HasData)
                {
                    await stream.WriteAsync(new ForecastAllResponse { Result = outcome.ToProto() }, cancellationToken);
                }
                await stream.WriteAsync(new ForecastAllResponse { Progress = progress.Clone() }, cancellationToken);
            }
            seen += page.Outcomes.Length;
            switch (page.Status.State)
            {
                case ForecastJobStatus.Running:
                    break; // the next read waits for the next chunk
                case ForecastJobStatus.Completed:
                    if (page.Status.Write is { } write)
                    {
                        WriteTicket.Current?.CommittedByJob(write.Sequence, write.Versions);
                        await stream.WriteAsync(new ForecastAllResponse { Write = write.ToProto() }, cancellationToken);
                    }
                    return;
                case ForecastJobStatus.Cancelled:
                    throw new RpcException(new Status(StatusCode.Cancelled, $"ForecastAll job {plan.JobId} was cancelled: {page.Status.Message}"));
                default:
                    throw new RpcException(new Status(StatusCode.Aborted, $"ForecastAll job {plan.JobId} failed: {page.Status.Message}; nothing was written, send it again"));
            }
        }
    }

    /// <summary>Reads the job from <paramref name="from"/> on, repeating reads lost with a silo until the job answers on a live one.</summary>
    private async Task<ForecastJobPage> ReadAsync(IForecastJobGrain job, string jobId, int from, CancellationToken cancellationToken)
    {
        DateTime giveUp = DateTime.UtcNow + LostJobGiveUp;
        while (true)
        {
            try
            {
                return await job.Read(from, ReadWait, cancellationToken) ?? throw new InvalidOperationException($"ForecastAll job {jobId} has no state after it started");
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException && DateTime.UtcNow < giveUp && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("ForecastAll job {JobId}: reading it failed ({Reason}); asking again", jobId, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                throw new RpcException(new Status(StatusCode.Unavailable,
                    $"ForecastAll job {jobId}: the silo running it was lost and it has not answered since; GetForecastJob {{job_id: \"{jobId}\"}} returns its result once it completes"));
            }
        }
    }

    /// <summary>The economies asked for by name and by group; none of either means every non-aggregate economy.</summary>
    private async Task<string[]> MembersAsync(ForecastAllRequest request, ForecastSpec spec, CancellationToken cancellationToken)
    {
        CatalogView view = await catalog.GetAsync(cancellationToken, fresh: true);
        view.RequireIndicator(spec.Indicator, "indicator");
        view.OptionalEconomy(spec.Partner, "partner");
        string group = string.IsNullOrWhiteSpace(request.Group) && request.Economies.Count == 0 ? CatalogView.World : request.Group;
        return view.Select(request.Economies, "economies", group).Economies;
    }
}
