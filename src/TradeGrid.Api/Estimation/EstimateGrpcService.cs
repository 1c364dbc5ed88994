using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Options;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Cluster;

namespace TradeGrid.Api.Estimation;

/// <summary>
/// tradegrid.v1.EstimateService: validates the spec into a <see cref="DesignSpec"/> (nothing is fitted or cached
/// before every field has passed), makes one call to the model's coordinator grain, maps the fit.
/// </summary>
public sealed class EstimateGrpcService(IGrainFactory grains, CatalogCache catalog, IOptions<EstimateLimits> limits)
    : EstimateService.EstimateServiceBase
{
    /// <summary>Fits one CompareFits call shows side by side.</summary>
    public const int MaxCompared = 12;

    public override async Task<FitResponse> Fit(FitRequest request, ServerCallContext context)
    {
        CancellationToken ct = context.CancellationToken;
        CatalogView view = await catalog.GetAsync(ct, fresh: true);
        DesignSpec design = RcepPreset.Resolve(request, view, limits.Value);

        // A large fit survives its coordinator's silo: sent again, it is resumed on a live silo (FitCoordinator).
        FitOutcome outcome = await SiloLoss.RetryAsync(() => grains.FitCoordinator(design.FitId()).Fit(design, limits.Value.MaxRows, ct).AsTask(), ct);
        return new FitResponse { Fit = outcome.ToProto() };
    }

    public override async Task<GetFitResponse> GetFit(GetFitRequest request, ServerCallContext context)
    {
        string id = RequestValidation.FitId(request.FitId);

        FitOutcome? outcome = await grains.FitCoordinator(id).GetFit(context.CancellationToken)
            ?? throw new FitNotFoundException(id);
        return new GetFitResponse { Fit = outcome.ToProto() };
    }

    public override async Task<CompareFitsResponse> CompareFits(CompareFitsRequest request, ServerCallContext context)
    {
        if (request.FitIds.Count is < 1 or > MaxCompared)
        {
            throw new InvalidSpecException($"fit_ids: {request.FitIds.Count} ids; give 1–{MaxCompared} fit ids (ListFits shows them)");
        }

        string[] ids = request.FitIds.Select((id, i) => RequestValidation.FitId(id, $"fit_ids[{i}]")).ToArray();
        FitOutcome?[] outcomes = await Task.WhenAll(ids.Select(id => grains.FitCoordinator(id).GetFit(context.CancellationToken).AsTask()));
        var response = new CompareFitsResponse();
        for (int i = 0; i < ids.Length; i++)
        {
            response.Fits.Add((outcomes[i] ?? throw new FitNotFoundException(ids[i])).ToProto());
        }

        return response;
    }

    public override async Task<ListFitsResponse> ListFits(ListFitsRequest request, ServerCallContext context)
    {
        FitListing[] listings = await grains.FitIndex().List(context.CancellationToken);
        var response = new ListFitsResponse();
        response.Fits.AddRange(listings.Select(l => new FitSummary
        {
            FitId = l.FitId,
            Estimator = l.Estimator == EstimatorKind.Ppml ? Estimator.Ppml : Estimator.Ols,
            Dependent = l.Dependent,
            Observations = l.Observations,
            FittedAt = l.FittedAt.ToString("O", CultureInfo.InvariantCulture),
        }));
        return response;
    }
}
