using Grpc.Core;
using Microsoft.Extensions.Options;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.Estimation;
using TradeGrid.Api.Hosting;
using TradeGrid.Api.V1;
using TradeGrid.Api.Writes;
using TradeGrid.Domain;
using TradeGrid.Grains.Extrapolation;

namespace TradeGrid.Api.Extrapolation;

/// <summary>
/// tradegrid.v1.ExtrapolationService: validates the request (nothing runs before every field has passed), hands it
/// to the prediction or world coordinator, maps the outcome.
/// </summary>
public sealed class ExtrapolationGrpcService(PredictionCoordinator predictions, WorldCoordinator world, CatalogCache catalog,
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

    public override async Task<EstimateWorldResponse> EstimateWorld(EstimateWorldRequest request, ServerCallContext context)
    {
        CatalogView view = await catalog.GetAsync(context.CancellationToken, fresh: true);
        WorldSpec spec = WorldValidation.Resolve(WorldPreset.Apply(request), view);
        using IDisposable slot = jobs.Acquire("EstimateWorld", context);
        WorldOutcome outcome = await world.RunAsync(spec, context.CancellationToken);
        EstimateWorldResponse response = outcome.ToProto(spec);
        response.Write = WriteOutcomeMapping.Current();
        return response;
    }
}
