namespace TradeGrid.Numerics.Scenarios;

/// <summary>How a shock changes a driver's level.</summary>
public enum ShockKind
{
    /// <summary>x · (1 + value/100).</summary>
    Percent,

    /// <summary>x + value.</summary>
    Absolute,

    /// <summary>The level given for the year (years without one keep the baseline).</summary>
    LevelPath,

    /// <summary>From the baseline to the level value, reached in the full year and held after.</summary>
    Target,
}
