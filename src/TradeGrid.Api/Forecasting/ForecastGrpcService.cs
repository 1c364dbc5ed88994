using Grpc.Core;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.Hosting;
using TradeGrid.Api.Scenarios;
using TradeGrid.Api.V1;
using TradeGrid.Api.Writes;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Forecasting;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Forecasting;

/// <summary>
/// tradegrid.v1.ForecastService: validates, asks the economy grain that holds the series (a stored forecast through
/// <see cref="StoredForecastCoordinator"/>, so it is written whole or not at all), maps the answer. ForecastAll runs
/// as a job (<see cref="ForecastAllHandler"/>); GetForecastJob reads it by id.
/// </summary>
public sealed class ForecastGrpcService(IGrainFactory grains, CatalogCache catalog, ForecastAllHandler allHandler, StoredForecastCoordinator stored, JobSlots jobs)
    : ForecastService.ForecastServiceBase
{
    public override async Task<ForecastResponse> Forecast(ForecastRequest request, ServerCallContext context)
    {
        string economy = RequestValidation.Economy(request.Economy, "economy");
        ForecastSpec spec = ForecastValidation.Spec(request.Indicator, request.Partner, request.Method, request.Horizon, request.Levels,
            request.TrainStart, request.TrainEnd, request.LogScale, request.Store, request.HoldoutHorizon, request.HoldoutOrigins);
        await RequireKnownAsync(spec, context.CancellationToken);
        if (spec.Store)
        {
            (SeriesForecastRecord storedForecast, WriteReceipt receipt) = await stored.ForecastAsync(economy, spec, context.CancellationToken);
            return new ForecastResponse { Forecast = storedForecast.ToProto(), Write = receipt.ToProto() };
        }
        SeriesForecastRecord forecast = await grains.EconomyForecast(economy).Forecast(spec, context.CancellationToken);
        return new ForecastResponse { Forecast = forecast.ToProto() };
    }

    public override async Task ForecastAll(ForecastAllRequest request, IServerStreamWriter<ForecastAllResponse> responseStream, ServerCallContext context)
    {
        using IDisposable slot = jobs.Acquire("ForecastAll", context);
        await allHandler.StreamAsync(request, responseStream, context.CancellationToken);
    }

    public override async Task<GetForecastJobResponse> GetForecastJob(GetForecastJobRequest request, ServerCallContext context)
    {
        string jobId = ScenarioGrpcService.JobId(request.JobId);
        ForecastJobPage page = await grains.ForecastJob(jobId).Read(0, TimeSpan.Zero) ?? throw new JobNotFoundException(jobId, "ForecastAll", "ForecastAll's first event");
        var response = new GetForecastJobResponse { Job = page.Status.ToProto(page.Outcomes) };
        if (page.Status.State == ForecastJobStatus.Completed)
        {
            response.Results.AddRange(page.Outcomes.Where(o => o.HasData).Select(o => o.ToProto()));
            if (page.Status.Write is { } write)
            {
                response.Write = write.ToProto();
            }
        }
        return response;
    }

    /// <summary>An indicator or partner the catalogue lacks is NotFound, not "no values" (the economy itself is checked by its grain).</summary>
    private async ValueTask RequireKnownAsync(ForecastSpec spec, CancellationToken cancellationToken)
    {
        CatalogView view = await catalog.GetAsync(cancellationToken);
        if (!Knows(view, spec))
        {
            // The cached copy may predate an import: only a miss pays for a fresh catalogue.
            view = await catalog.GetAsync(cancellationToken, fresh: true);
            view.RequireIndicator(spec.Indicator, "indicator");
            view.OptionalEconomy(spec.Partner, "partner");
        }
    }

    private static bool Knows(CatalogView view, ForecastSpec spec) =>
        view.Indicators.ContainsKey(spec.Indicator) && (spec.Partner.Length == 0 || view.Economies.ContainsKey(spec.Partner));
}
