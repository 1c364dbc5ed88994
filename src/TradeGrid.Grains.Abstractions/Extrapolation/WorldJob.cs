using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Abstractions.Extrapolation;

/// <summary>
/// The Box 2 pipeline as one economy sees it: the share (a fraction, or percent when <see cref="Percent"/>), trade
/// and GDP indicators, the drivers of logit(share), the years, the drivers' maximum age (values for year t are the
/// latest in [t − age, t]), whether this economy's reported share is set aside (<see cref="Hidden"/>), whether
/// single-year shares are filled by trade growth, and what to store.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.WorldJob")]
public sealed record WorldJob(
    [property: Id(0)] string ShareIndicator,
    [property: Id(1)] bool Percent,
    [property: Id(2)] string TradeIndicator,
    [property: Id(3)] string GdpIndicator,
    [property: Id(4)] VariableSpec[] Drivers,
    [property: Id(5)] int[] Years,
    [property: Id(6)] int MaxAge,
    [property: Id(7)] bool Hidden,
    [property: Id(8)] bool Fill,
    [property: Id(9)] double Level);
