using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Numerics.Extrapolation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// A validated world request: indicators (checked to exist), drivers, years (0 = the first / last year in which an
/// economy of the universe reports the share), the universe (resolved codes), the economies set aside, the economy
/// holding world GDP and trade (empty when the catalogue has none), the scaling variant, level and options (the median
/// share instead of the mean share).
/// </summary>
public sealed record WorldSpec(
    string ShareIndicator,
    bool Percent,
    string TradeIndicator,
    string GdpIndicator,
    VariableSpec[] Drivers,
    int From,
    int To,
    int MaxAge,
    string[] Universe,
    string[] Hidden,
    string World,
    ScalingVariant Scaling,
    double Level,
    bool Fill,
    bool Store,
    bool MedianShare = false);
