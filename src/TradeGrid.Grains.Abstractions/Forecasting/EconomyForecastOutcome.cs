namespace TradeGrid.Grains.Abstractions.Forecasting;

/// <summary>
/// One economy's part of an all-economy forecast: the forecast, or the reason it was skipped.
/// HasData is false when the economy has no value of the series at all (counted by the job, not listed).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.EconomyForecastOutcome")]
public sealed record EconomyForecastOutcome(
    [property: Id(0)] string Economy,
    [property: Id(1)] SeriesForecastRecord? Forecast,
    [property: Id(2)] string Skipped,
    [property: Id(3)] bool HasData);
