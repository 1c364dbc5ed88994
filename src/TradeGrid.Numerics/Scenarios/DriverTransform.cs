namespace TradeGrid.Numerics.Scenarios;

/// <summary>How a regressor is made from its driver's level (the fit's transforms that a projection can evaluate year by year).</summary>
public enum DriverTransform
{
    Level,

    /// <summary>ln x; a level ≤ 0 makes the year unpredictable.</summary>
    Log,

    /// <summary>ln(1 + x).</summary>
    Log1p,
}
