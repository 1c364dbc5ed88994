using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Forecasting;

namespace TradeGrid.Grains.Writes;

/// <summary>
/// A forecast of one economy's series whose points are stored: the economy stages them, then they are committed as a
/// write (<see cref="WriteCoordinator"/>), so the caller's cancellation before the commit point stores nothing and
/// the answer says whether it was stored. A plain class: it runs where the gateway calls it.
/// </summary>
public sealed class StoredForecastCoordinator(IGrainFactory grains, WriteCoordinator writes)
{
    public async Task<(SeriesForecastRecord Forecast, WriteReceipt Write)> ForecastAsync(string economy, ForecastSpec spec, CancellationToken cancellationToken)
    {
        SeriesForecastRecord? forecast = null;
        WriteReceipt receipt = await writes.StageAndCommitAsync([economy], async writeId =>
        {
            forecast = await grains.EconomyForecast(economy).Forecast(spec with { Store = true, WriteId = writeId }, cancellationToken);
            return forecast.Stored > 0 ? [economy] : [];
        }, cancellationToken);
        return (forecast!, receipt);
    }
}
