namespace TradeGrid.Grains.Abstractions.Forecasting;

/// <summary>
/// The committed write of a stored ForecastAll job: its id, its place in the commit order and each economy's data
/// version after it applied the write (an economy whose apply was deferred to its next call is missing).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ForecastJobWrite")]
public sealed record ForecastJobWrite(
    [property: Id(0)] Guid WriteId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] Dictionary<string, long> Versions);
