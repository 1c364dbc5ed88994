namespace TradeGrid.Numerics.Describe;

/// <summary>
/// One growth rate as a published table or text states it, with the levels it should follow from.
/// </summary>
/// <param name="Label">Row name for the report ("Digital delivery export 2021").</param>
/// <param name="FromYear">Start of the period (the previous year for a year-on-year rate).</param>
/// <param name="FromLevel">The printed level in FromYear.</param>
/// <param name="ToYear">End of the period.</param>
/// <param name="ToLevel">The printed level in ToYear.</param>
/// <param name="StatedPercent">The rate as printed, in %.</param>
/// <param name="RateDecimals">Decimals printed for the rate (1 for "13.7").</param>
/// <param name="LevelDecimals">Decimals printed for the levels (0 for "32,054"; 2 for "$4.59 trillion" in trillions), or null to treat the levels as exact. When the two levels are printed
/// with different decimals, give the fewer: the check then flags only what no rounding of either explains.</param>
/// <param name="Form">Compound annual (also year-on-year) or total growth.</param>
public sealed record StatedGrowth(
    string Label,
    int FromYear,
    double FromLevel,
    int ToYear,
    double ToLevel,
    double StatedPercent,
    int RateDecimals,
    int? LevelDecimals,
    GrowthForm Form);
