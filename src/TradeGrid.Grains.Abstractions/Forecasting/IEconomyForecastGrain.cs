using TradeGrid.Grains.Abstractions.Economy;

namespace TradeGrid.Grains.Abstractions.Forecasting;

/// <summary>
/// Forecasting, done by the economy grain that holds the series (same key, same activation as
/// <see cref="IEconomyGrain"/>). Results are cached by (series version, spec); new data makes them stale, never wrong.
/// </summary>
[Alias("TradeGrid.IEconomyForecastGrain")]
public interface IEconomyForecastGrain : IGrainWithStringKey
{
    /// <summary>
    /// Forecasts one series. Data problems are errors: no values or too few → InsufficientDataException (naming the
    /// minimum), missing years or non-positive values for a log method → InvalidSpecException.
    /// </summary>
    [Alias("Forecast")]
    ValueTask<SeriesForecastRecord> Forecast(ForecastSpec spec, CancellationToken cancellationToken = default);

    /// <summary>The same for one economy of an all-economy job: data problems come back as a skip with the reason.</summary>
    [Alias("ForecastOrSkip")]
    ValueTask<EconomyForecastOutcome> ForecastOrSkip(ForecastSpec spec, CancellationToken cancellationToken = default);
}
