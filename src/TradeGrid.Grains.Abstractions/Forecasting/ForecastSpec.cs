namespace TradeGrid.Grains.Abstractions.Forecasting;

/// <summary>
/// A validated forecast request for one series, as the economy grain receives it.
/// Method is a name <see cref="Numerics.Forecasting.Forecaster.Parse"/> accepts ("auto", "ets", ...);
/// TrainStart/TrainEnd of 0 leave that side open. HoldoutHorizon and HoldoutOrigins configure method auto.
/// With Store, a <see cref="WriteId"/> stages the points for that atomic write; none writes this economy alone.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ForecastSpec")]
public sealed record ForecastSpec(
    [property: Id(0)] string Indicator,
    [property: Id(1)] string Partner,
    [property: Id(2)] string Method,
    [property: Id(3)] int Horizon,
    [property: Id(4)] double[] Levels,
    [property: Id(5)] int TrainStart,
    [property: Id(6)] int TrainEnd,
    [property: Id(7)] bool LogScale,
    [property: Id(8)] bool Store,
    [property: Id(9)] int HoldoutHorizon = 3,
    [property: Id(10)] int HoldoutOrigins = 3,
    [property: Id(11)] Guid WriteId = default)
{
    /// <summary>The cache key for this spec on a series at a version (Store and WriteId are not part of it: they change no numbers).</summary>
    public string CacheKey(long seriesVersion) =>
        string.Join('|', seriesVersion, Indicator, Partner, Method, Horizon, string.Join(',', Levels.Select(l => l.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
            TrainStart, TrainEnd, LogScale, HoldoutHorizon, HoldoutOrigins);
}
