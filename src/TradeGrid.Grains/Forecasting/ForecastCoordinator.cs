using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Forecasting;
using TradeGrid.Grains.Cluster;

namespace TradeGrid.Grains.Forecasting;

/// <summary>
/// The fan-out behind a ForecastAll job (<see cref="ForecastJobGrain"/>, through <see cref="ForecastFanOut"/>): every
/// economy's grain forecasts its own series, at most a given number of calls in flight, and the outcomes come back in
/// the job's order. A call
/// lost with its silo (the silo died or stopped while the call was in flight or before the cluster noticed) is sent
/// again after a short pause, and Orleans activates the grain on a live silo; a call that keeps failing fails the
/// chunk, which the job runs again from its last stored chunk. If the economy's data went with the silo (Orleans'
/// in-memory storage keeps each state on one silo), the new activation knows no economy: that economy is reported as
/// not forecast, with the reason, and the job goes on.
/// </summary>
public static class ForecastCoordinator
{
    /// <summary>Attempts per economy: enough to outlast the cluster declaring a dead silo (seconds), not a retry storm.</summary>
    public const int MaxAttempts = 8;

    /// <summary>The pause before attempt k + 1 is k times this.</summary>
    public static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    /// <summary>Forecasts every economy of <paramref name="economies"/>; the outcomes are in the same order.</summary>
    public static async Task<EconomyForecastOutcome[]> ForecastChunkAsync(
        IGrainFactory grains, IReadOnlyList<string> economies, ForecastSpec spec, int concurrency, CancellationToken cancellationToken)
    {
        await using ForecastFanOut fanOut = ForecastFanOut.Start(grains, economies, spec, concurrency, cancellationToken);
        return await fanOut.RangeAsync(0, economies.Count);
    }

    /// <summary>One economy's forecast, sent again while the call is lost with a silo.</summary>
    internal static async Task<EconomyForecastOutcome> OneAsync(IGrainFactory grains, string economy, ForecastSpec spec, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await grains.EconomyForecast(economy).ForecastOrSkip(spec, cancellationToken);
            }
            catch (Exception ex) when (SiloLoss.Is(ex) && attempt < MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(RetryPause * attempt, cancellationToken);
            }
            catch (UnknownEconomyException)
            {
                // The job's economies come from the catalog: a grain that knows no economy lost its state.
                return new EconomyForecastOutcome(
                    economy, null, "not forecast: its grain has no data any more (in-memory data is lost with its silo); import or load the data again", HasData: true);
            }
        }
    }
}
