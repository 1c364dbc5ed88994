namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>How a <see cref="FillSpec"/> fills the years between and beyond known values.</summary>
[GenerateSerializer, Alias("TradeGrid.FillKind")]
public enum FillKind
{
    ProxyChain = 0,
    ProxySpread = 1,
    Linear = 2,
    LogLinear = 3,
}
