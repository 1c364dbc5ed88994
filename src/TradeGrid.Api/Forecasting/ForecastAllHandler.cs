using System.Threading.Channels;
using Grpc.Core;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.V1;
using TradeGrid.Api.Writes;
using TradeGrid.Grains.Abstractions.Forecasting;
using TradeGrid.Grains.Abstractions.Writes;
using TradeGrid.Grains.Forecasting;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Api.Forecasting;

/// <summary>
/// The ForecastAll RPC: each member's economy grain forecasts its own series (<see cref="ForecastCoordinator"/>, which
/// also retries economies whose silo was lost), at most <see cref="MaxConcurrency"/> at a time; results stream back
/// in the order they complete, each followed by a progress message. One grain call forecasts one series
/// (milliseconds), so every chunk of work is far under Orleans' call timeout. The caller's deadline or cancellation
/// cancels the calls in flight and those not started. With store, the points are one atomic write
/// (<see cref="WriteCoordinator"/>): the last event says it was committed; a stream cut before it wrote nothing.
/// </summary>
public sealed class ForecastAllHandler(IGrainFactory grains, CatalogCache catalog, WriteCoordinator writes)
{
    /// <summary>Enough calls in flight to keep every core busy while results are written; not so many that one job floods the silo.</summary>
    public static readonly int MaxConcurrency = Math.Max(4, Environment.ProcessorCount * 4);

    public async Task StreamAsync(ForecastAllRequest request, IServerStreamWriter<ForecastAllResponse> stream, CancellationToken cancellationToken)
    {
        ForecastSpec spec = ForecastValidation.Spec(request.Indicator, request.Partner, request.Method, request.Horizon, request.Levels,
            request.TrainStart, request.TrainEnd, request.LogScale, request.Store, request.HoldoutHorizon, request.HoldoutOrigins);
        string[] economies = await MembersAsync(request, spec, cancellationToken);
        if (!spec.Store)
        {
            await ForecastAsync(economies, spec, stream, [], cancellationToken);
            return;
        }

        // Stored: every economy stages its points under one write, committed once all are forecast; a cancellation
        // before that (the caller's deadline, a failure) aborts it and nothing is written.
        Guid writeId = await writes.BeginAsync(cancellationToken);
        var staged = new List<string>();
        WriteReceipt receipt;
        try
        {
            await ForecastAsync(economies, spec with { WriteId = writeId }, stream, staged, cancellationToken);
            receipt = await writes.CommitAsync(writeId, [.. staged], cancellationToken);
        }
        catch (Exception ex) when (ex is not WriteAbortedException)
        {
            await writes.AbortAsync(writeId, economies);
            throw;
        }
        await stream.WriteAsync(new ForecastAllResponse { Write = receipt.ToProto() }, cancellationToken);
    }

    /// <summary>Streams every economy's outcome and progress; <paramref name="staged"/> gets the economies that stored points.</summary>
    private async Task ForecastAsync(string[] economies, ForecastSpec spec, IServerStreamWriter<ForecastAllResponse> stream, List<string> staged,
        CancellationToken cancellationToken)
    {
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
                    if (outcome.Forecast is { Stored: > 0 })
                    {
                        staged.Add(outcome.Economy);
                    }
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
