using System.Threading.Channels;
using Grpc.Core;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions.Forecasting;
using TradeGrid.Grains.Forecasting;

namespace TradeGrid.Api.Forecasting;

/// <summary>
/// The ForecastAll RPC: each member's economy grain forecasts its own series (<see cref="ForecastCoordinator"/>, which
/// also retries economies whose silo was lost), at most <see cref="MaxConcurrency"/> at a time; results stream back
/// in the order they complete, each followed by a progress message. One grain call forecasts one series
/// (milliseconds), so every chunk of work is far under Orleans' call timeout. The caller's deadline or cancellation
/// cancels the calls in flight and those not started.
/// </summary>
public sealed class ForecastAllHandler(IGrainFactory grains, CatalogCache catalog)
{
    /// <summary>Enough calls in flight to keep every core busy while results are written; not so many that one job floods the silo.</summary>
    public static readonly int MaxConcurrency = Math.Max(4, Environment.ProcessorCount * 4);

    public async Task StreamAsync(ForecastAllRequest request, IServerStreamWriter<ForecastAllResponse> stream, CancellationToken cancellationToken)
    {
        ForecastSpec spec = ForecastValidation.Spec(request.Indicator, request.Partner, request.Method, request.Horizon, request.Levels,
            request.TrainStart, request.TrainEnd, request.LogScale, request.Store, request.HoldoutHorizon, request.HoldoutOrigins);
        string[] economies = await MembersAsync(request, spec, cancellationToken);

        Channel<EconomyForecastOutcome> outcomes = Channel.CreateUnbounded<EconomyForecastOutcome>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task producing = ForecastCoordinator.RunAsync(grains, economies, spec, MaxConcurrency, outcomes.Writer, stop.Token);
        try
        {
            var progress = new JobProgress { Total = economies.Length };
            await stream.WriteAsync(new ForecastAllResponse { Progress = progress.Clone() }, cancellationToken);
            await foreach (EconomyForecastOutcome outcome in outcomes.Reader.ReadAllAsync(cancellationToken))
            {
                progress.Done++;
                if (!outcome.HasData)
                {
                    progress.WithoutData++;
                }
                else
                {
                    progress.Skipped += outcome.Forecast is null ? 1 : 0;
                    await stream.WriteAsync(new ForecastAllResponse { Result = outcome.ToProto() }, cancellationToken);
                }
                progress.Fraction = (double)progress.Done / progress.Total;
                await stream.WriteAsync(new ForecastAllResponse { Progress = progress.Clone() }, cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producing;
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
