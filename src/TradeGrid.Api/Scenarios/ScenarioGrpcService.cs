using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.Estimation;
using TradeGrid.Api.Hosting;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Scenarios;

namespace TradeGrid.Api.Scenarios;

/// <summary>
/// tradegrid.v1.ScenarioService: validates the spec (<see cref="ScenarioValidation"/>), plans it (the model, the data's
/// last year, the checks that need them: a refusal starts nothing), then hands the plan to a job grain that runs it to
/// completion and survives the loss of its silo (<see cref="ScenarioJobGrain"/>). StartScenario returns the job;
/// RunScenario streams it (<see cref="ScenarioFollower"/>), and its caller's deadline or cancellation, like
/// CancelScenario, stops it and nothing is stored.
/// </summary>
public sealed class ScenarioGrpcService(
    IGrainFactory grains, CatalogCache catalog, IOptions<EstimateLimits> estimate, IOptions<RequestLimits> limits, JobSlots slots, ILogger<ScenarioGrpcService> logger)
    : ScenarioService.ScenarioServiceBase
{
    /// <summary>What a job stopped by its RunScenario caller's deadline or cancellation says.</summary>
    public const string CancelledByCaller = "cancelled by the caller's deadline or cancellation (RunScenario); nothing was stored";

    public override async Task<StartScenarioResponse> StartScenario(StartScenarioRequest request, ServerCallContext context)
    {
        ScenarioPlan plan = await PlanAsync(request.Spec, context);
        ScenarioJobStatus status = await grains.ScenarioJob(plan.JobId).Start(plan);
        return new StartScenarioResponse { Job = status.ToProto() };
    }

    public override async Task RunScenario(RunScenarioRequest request, IServerStreamWriter<RunScenarioResponse> responseStream, ServerCallContext context)
    {
        CancellationToken ct = context.CancellationToken;
        var follower = new ScenarioFollower(grains, catalog, logger);
        if (request.JobId.Length > 0)
        {
            await ReattachAsync(request, responseStream, follower, ct);
            return;
        }

        ScenarioPlan plan = await PlanAsync(request.Spec, context);
        // The stream holds one of this gateway's long-job slots while it follows the job.
        using IDisposable slot = slots.Acquire("RunScenario", context);
        IScenarioJobGrain job = grains.ScenarioJob(plan.JobId);
        try
        {
            // The same durable job as StartScenario's: it stores its plan and checkpoints, and outlives this gateway.
            ScenarioJobStatus status = await job.Start(plan);
            await responseStream.WriteAsync(new RunScenarioResponse { Job = status.ToProto() }, ct);
            await follower.FollowAsync(plan.JobId, responseStream, ct);
        }
        catch when (ct.IsCancellationRequested)
        {
            // The caller's deadline or cancellation (a disconnect looks the same) stops the job before this call ends,
            // whatever the cut call's last step raised. A job that has already ended is left as it is.
            await CancelAsync(job, plan.JobId);
            throw;
        }
    }

    public override async Task<GetScenarioResponse> GetScenario(GetScenarioRequest request, ServerCallContext context)
    {
        IScenarioJobGrain job = grains.ScenarioJob(JobId(request.JobId));
        ScenarioJobStatus status = await job.GetStatus() ?? throw new JobNotFoundException(request.JobId.Trim());
        var response = new GetScenarioResponse { Job = status.ToProto() };
        if (await job.GetResult() is { } result)
        {
            response.Result = result.ToProto(economies: true, await catalog.GetAsync(context.CancellationToken));
        }

        return response;
    }

    public override async Task<ListScenariosResponse> ListScenarios(ListScenariosRequest request, ServerCallContext context)
    {
        var response = new ListScenariosResponse();
        response.Jobs.AddRange((await grains.ScenarioIndex().List()).Select(s => s.ToProto()));
        return response;
    }

    public override async Task<CancelScenarioResponse> CancelScenario(CancelScenarioRequest request, ServerCallContext context)
    {
        ScenarioJobStatus status = await grains.ScenarioJob(JobId(request.JobId)).Cancel("cancelled by CancelScenario; nothing was stored") ?? throw new JobNotFoundException(request.JobId.Trim());
        ScenarioJob job = status.ToProto();
        if (status.State == ScenarioJobStatus.Completed)
        {
            job.Message = "the job had already completed; nothing was cancelled";
        }

        return new CancelScenarioResponse { Job = job };
    }

    /// <summary>Cancels the job of a cut RunScenario call; a job unreachable just then (its silo lost) is logged: it resumes and runs on.</summary>
    private async Task CancelAsync(IScenarioJobGrain job, string jobId)
    {
        try
        {
            await job.Cancel(CancelledByCaller);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            logger.LogWarning("Scenario job {JobId}: its caller cancelled, but the job did not answer ({Reason}); it resumes on a live silo and runs on (CancelScenario stops it)", jobId, ex.GetType().Name);
        }
    }

    /// <summary>A job id: 32 lower-case hex digits (upper case is lowered).</summary>
    public static string JobId(string value)
    {
        string id = (value ?? string.Empty).Trim().ToLowerInvariant();
        return id.Length == 32 && id.All(char.IsAsciiHexDigitLower)
            ? id
            : throw new InvalidSpecException($"job_id: {InputQuote.Quote(value)} is not a job id (32 hex digits, as StartScenario, RunScenario and ForecastAll return)");
    }

    private async Task<ScenarioPlan> PlanAsync(ScenarioSpec? spec, ServerCallContext context)
    {
        CancellationToken ct = context.CancellationToken;
        CatalogView view = await catalog.GetAsync(ct, fresh: true);
        ScenarioRequestSpec request = ScenarioValidation.Resolve(spec, view, estimate.Value, limits.Value);
        int max = limits.Value.MaxConcurrentJobs;
        if (slots.Running >= max || await grains.ScenarioIndex().Running() >= max)
        {
            JobBusy.Mark(context);
            throw new ResourceLimitException(
                $"spec: {max} long jobs are running, the server's limit (TradeGrid:Limits:MaxConcurrentJobs); retry when one finishes (ListScenarios shows the scenario jobs), or raise the limit");
        }

        return await new ScenarioCoordinator(grains).PlanAsync(request, ct);
    }

    /// <summary>
    /// RunScenario with a job id: a stream that broke (its silo was lost) re-attaches and is sent the job from its start.
    /// It only watches: its caller's cancellation leaves the job running.
    /// </summary>
    private async Task ReattachAsync(RunScenarioRequest request, IServerStreamWriter<RunScenarioResponse> responseStream, ScenarioFollower follower, CancellationToken ct)
    {
        if (request.Spec is not null)
        {
            throw new InvalidSpecException("spec: give a spec to start a job, or job_id to re-attach to one, not both");
        }

        string jobId = JobId(request.JobId);
        ScenarioJobStatus status = await grains.ScenarioJob(jobId).GetStatus() ?? throw new JobNotFoundException(jobId);
        await responseStream.WriteAsync(new RunScenarioResponse { Job = status.ToProto() }, ct);
        await follower.FollowAsync(jobId, responseStream, ct);
    }
}
