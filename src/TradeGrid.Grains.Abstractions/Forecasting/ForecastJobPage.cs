namespace TradeGrid.Grains.Abstractions.Forecasting;

/// <summary>A job's status and its outcomes from a given index on, in plan order (a follower asks for the ones it has not seen).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ForecastJobPage")]
public sealed record ForecastJobPage(
    [property: Id(0)] ForecastJobStatus Status,
    [property: Id(1)] EconomyForecastOutcome[] Outcomes);
