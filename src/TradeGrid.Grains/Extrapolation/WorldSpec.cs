using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// A validated world request: indicators (checked to exist), drivers, years (0 = the first / last year in which an
/// economy of the universe reports the share), the universe (resolved codes), the economies set aside, the economy
/// holding world GDP and trade (empty when the catalogue has none), the scaling variant, level and options (the median
/// share instead of the mean share). <see cref="WriteId"/>: the write a world job stores under (begun by the gateway;
/// empty otherwise).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.WorldSpec")]
public sealed record WorldSpec(
    [property: Id(0)] string ShareIndicator,
    [property: Id(1)] bool Percent,
    [property: Id(2)] string TradeIndicator,
    [property: Id(3)] string GdpIndicator,
    [property: Id(4)] VariableSpec[] Drivers,
    [property: Id(5)] int From,
    [property: Id(6)] int To,
    [property: Id(7)] int MaxAge,
    [property: Id(8)] string[] Universe,
    [property: Id(9)] string[] Hidden,
    [property: Id(10)] string World,
    [property: Id(11)] ScalingVariant Scaling,
    [property: Id(12)] double Level,
    [property: Id(13)] bool Fill,
    [property: Id(14)] bool Store,
    [property: Id(15)] bool MedianShare = false)
{
    [Id(16)] public Guid WriteId { get; init; }
}
