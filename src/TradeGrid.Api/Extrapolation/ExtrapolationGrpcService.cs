using Grpc.Core;
using Microsoft.Extensions.Options;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.Estimation;
using TradeGrid.Api.Hosting;
using TradeGrid.Api.V1;
using TradeGrid.Api.Writes;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Cluster;
using TradeGrid.Grains.Extrapolation;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Extrapolation;

/// <summary>
/// tradegrid.v1.ExtrapolationService: validates the request (nothing runs before every field has passed), hands it
/// to the prediction or world coordinator, maps the outcome.
/// </summary>
public sealed class ExtrapolationGrpcService(PredictionCoordinator predictions, IGrainFactory grains, WriteCoordinator writes, CatalogCache catalog,
    IOptions<EstimateLimits> limits, JobSlots jobs) : ExtrapolationService.ExtrapolationServiceBase
{
    public override async Task<PredictResponse> Predict(PredictRequest request, ServerCallContext context)
    {
        CatalogView view = await catalog.GetAsync(context.CancellationToken, fresh: true);
        PredictionRequestSpec spec = PredictValidation.Resolve(request, view);
        PredictionOutcome outcome = await predictions.PredictAsync(spec, limits.Value.MaxRows, context.CancellationToken)
            ?? throw new FitNotFoundException(spec.FitId);
        PredictResponse response = outcome.ToProto(spec.Level);
        response.Write = WriteOutcomeMapping.Current();
        return response;
    }

    /// <summary>
    /// Runs the pipeline as a durable world job (<see cref="IWorldJobGrain"/>): resent while the job's silo is lost
    /// (a new activation resumes it); with a known request_id, the job's result. With store the gateway begins the
    /// write (its id goes out in the headers) and the job stages and commits it.
    /// </summary>
    public override async Task<EstimateWorldResponse> EstimateWorld(EstimateWorldRequest request, ServerCallContext context)
    {
        CancellationToken ct = context.CancellationToken;
        CatalogView view = await catalog.GetAsync(ct, fresh: true);
        WorldSpec spec = WorldValidation.Resolve(WorldPreset.Apply(request), view);
        string jobId = WorldJobKey.JobId(request.RequestId);
        using IDisposable slot = jobs.Acquire("EstimateWorld", context);
        IWorldJobGrain job = grains.GetGrain<IWorldJobGrain>(jobId);
        bool known = request.RequestId.Length > 0 && await job.Known();
        if (spec.Store && !known)
        {
            spec = spec with { WriteId = await writes.BeginAsync(ct) };
        }

        var plan = new WorldJobPlan(spec, WorldJobKey.Fingerprint(request), Keep: request.RequestId.Length > 0);
        WorldOutcome outcome;
        try
        {
            outcome = await SiloLoss.RetryAsync(() => job.Run(plan, ct).AsTask(), ct);
        }
        catch when (spec.WriteId != Guid.Empty)
        {
            // The job aborts its write when it fails; this covers a job that never started, or was not reached again.
            WriteStatus status = await writes.AbortAsync(spec.WriteId, spec.Universe);
            if (status.Decision == WriteDecision.Committed)
            {
                WriteTicket.Current?.CommittedByJob(status.Sequence, new Dictionary<string, long>());
            }

            throw;
        }

        if (outcome.Write is { } write && write.WriteId == spec.WriteId)
        {
            WriteTicket.Current?.CommittedByJob(write.Sequence, write.Versions);
        }

        EstimateWorldResponse response = outcome.ToProto(spec);
        response.Write = outcome.Write is { } stored
            ? new WriteOutcome { Committed = true, WriteId = stored.WriteId.ToString(), Sequence = stored.Sequence }
            : WriteOutcomeMapping.Current();
        return response;
    }
}
