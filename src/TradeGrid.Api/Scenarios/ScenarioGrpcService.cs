using Grpc.Core;
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
/// last year, the checks that need them: a refusal starts nothing), then either hands the plan to a job grain that runs
/// it to completion (StartScenario) or runs it here and streams it (RunScenario: the caller's deadline or cancellation,
/// or CancelScenario, stops it and nothing is stored).
/// </summary>
public sealed class ScenarioGrpcService(IGrainFactory grains, CatalogCache catalog, IOptions<EstimateLimits> estimate, IOptions<RequestLimits> limits, JobSlots slots)
    : ScenarioService.ScenarioServiceBase
{
    public override async Task<StartScenarioResponse> StartScenario(StartScenarioRequest request, ServerCallContext context)
    {
        ScenarioPlan plan = await PlanAsync(request.Spec, context);
        ScenarioJobStatus status = await grains.ScenarioJob(plan.JobId).Start(plan);
        return new StartScenarioResponse { Job = status.ToProto() };
    }

    public override async Task RunScenario(RunScenarioRequest request, IServerStreamWriter<RunScenarioResponse> responseStream, ServerCallContext context)
    {
        CancellationToken ct = context.CancellationToken;
        ScenarioPlan plan = await PlanAsync(request.Spec, context);
        // The job runs in this gateway for as long as the stream: it holds one of the long-job slots.
        using IDisposable slot = slots.Acquire("RunScenario", context);
        IScenarioJobGrain job = grains.ScenarioJob(plan.JobId);
        ScenarioJobStatus status = await job.Register(plan);
        await responseStream.WriteAsync(new RunScenarioResponse { Job = status.ToProto() }, ct);
        var sink = new StreamSink(job, responseStream, ct);
        ScenarioResultRecord result;
        try
        {
            result = await new ScenarioCoordinator(grains).RunAsync(plan, sink, ct);
        }
        catch (OperationCanceledException) when (sink.Stopped is { State: ScenarioJobStatus.Cancelled })
        {
            throw new RpcException(new Status(StatusCode.Cancelled, $"Scenario job {plan.JobId} was cancelled by CancelScenario; nothing was stored."));
        }
        catch (OperationCanceledException) when (sink.Stopped is not null)
        {
            // The job's record was re-activated on another silo, which cannot resume a job that a stream runs: it ended it.
            throw new RpcException(new Status(StatusCode.Unavailable, LostMessage(plan.JobId)));
        }
        catch (OperationCanceledException)
        {
            await job.Stop(ScenarioJobStatus.Cancelled, "the caller's deadline or cancellation stopped it; nothing was stored");
            throw;
        }
        catch (TradeGridException ex)
        {
            await job.Stop(ScenarioJobStatus.Failed, ex.Message);
            throw;
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            // A silo holding economies of the job was lost: this stream cannot resume it (StartScenario can).
            await StopQuietlyAsync(job, ex.Message);
            throw new RpcException(new Status(StatusCode.Unavailable, LostMessage(plan.JobId)));
        }

        await job.Complete(result);
        CatalogView view = await catalog.GetAsync(ct);
        await responseStream.WriteAsync(new RunScenarioResponse { Summary = result.ToProto(economies: false, view) }, ct);
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
        ScenarioJobStatus status = await grains.ScenarioJob(JobId(request.JobId)).Cancel() ?? throw new JobNotFoundException(request.JobId.Trim());
        ScenarioJob job = status.ToProto();
        if (status.State == ScenarioJobStatus.Completed)
        {
            job.Message = "the job had already completed; nothing was cancelled";
        }

        return new CancelScenarioResponse { Job = job };
    }

    /// <summary>What a RunScenario caller is told when a silo its job needed was lost: what happened, and how to run a job that survives it.</summary>
    public static string LostMessage(string jobId) =>
        $"Scenario job {jobId}: a silo running part of it was lost and a streamed job cannot resume on another; nothing was stored. " +
        "Run it again with StartScenario, whose job resumes on a live silo after such a loss: GetScenario {job_id} re-attaches to it and returns the full result.";

    /// <summary>Records the lost job as failed when its grain still answers; when it does not, its next activation ends it.</summary>
    private static async Task StopQuietlyAsync(IScenarioJobGrain job, string reason)
    {
        try
        {
            await job.Stop(ScenarioJobStatus.Failed, reason);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            // The job's grain was on the lost silo: the new activation finds the job running with no plan and fails it.
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
    /// RunScenario's sink: each economy and the progress go to the caller's stream; the job grain says whether the job
    /// was stopped, and its status says why: cancelled by CancelScenario, or failed because its record was lost with a silo.
    /// </summary>
    private sealed class StreamSink(IScenarioJobGrain job, IServerStreamWriter<RunScenarioResponse> stream, CancellationToken cancellationToken) : IScenarioSink
    {
        /// <summary>The job's status once the job grain said it had stopped; null while it runs.</summary>
        public ScenarioJobStatus? Stopped { get; private set; }

        public async ValueTask<bool> EconomyDoneAsync(ScenarioSeriesRecord economy, int done, int total, int skipped)
        {
            await stream.WriteAsync(new RunScenarioResponse { Economy = economy.ToProto() }, cancellationToken);
            var progress = new JobProgress { Done = done, Total = total, Skipped = skipped, Fraction = total == 0 ? 1.0 : (double)done / total };
            await stream.WriteAsync(new RunScenarioResponse { Progress = progress }, cancellationToken);
            if (await job.Progress(done, skipped))
            {
                Stopped = await job.GetStatus();
            }
            return Stopped is not null;
        }

        /// <summary>A job streamed by its gateway ends with that gateway: nothing to resume, so no checkpoint is kept.</summary>
        public bool KeepsCheckpoints => false;

        public ValueTask WaveDoneAsync(ScenarioCheckpoint checkpoint) => ValueTask.CompletedTask;
    }
}
