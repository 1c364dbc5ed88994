namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>Which per-year arithmetic a <see cref="PairSpec"/> asks of two series of one economy.</summary>
[GenerateSerializer, Alias("TradeGrid.PairKind")]
public enum PairKind
{
    /// <summary>first / second, a fraction.</summary>
    Ratio = 0,

    /// <summary>100 × first / second.</summary>
    RatioPercent = 1,

    /// <summary>first − second (exports − imports).</summary>
    Balance = 2,
}
