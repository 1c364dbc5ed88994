namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>What an interpolation does before the first and after the last known year.</summary>
[GenerateSerializer, Alias("TradeGrid.FillEnds")]
public enum FillEnds
{
    None = 0,
    Proxy = 1,
    LastCagr = 2,
}
