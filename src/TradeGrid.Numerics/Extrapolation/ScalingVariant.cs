namespace TradeGrid.Numerics.Extrapolation;

/// <summary>Which covered share scales the covered total to the world.</summary>
public enum ScalingVariant
{
    /// <summary>The mean of the covered economies' share of world GDP and of world trade (ITC Box 2).</summary>
    Mean,

    /// <summary>The share of world GDP alone.</summary>
    Gdp,

    /// <summary>The share of world trade alone.</summary>
    Trade,
}
