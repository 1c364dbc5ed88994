namespace TradeGrid.Numerics.Describe;

/// <summary>
/// A stated growth rate against the rate its levels give.
/// </summary>
/// <param name="Label">Row name, as stated.</param>
/// <param name="FromYear">Start of the period.</param>
/// <param name="ToYear">End of the period.</param>
/// <param name="StatedPercent">The rate as printed.</param>
/// <param name="RecomputedPercent">The rate from the levels as printed.</param>
/// <param name="LowPercent">The lowest rate any levels that round to the printed ones could give.</param>
/// <param name="HighPercent">The highest such rate.</param>
/// <param name="Flagged">True when no rate that rounds to the stated one lies in [Low, High]: the stated rate does not follow from the levels.</param>
public sealed record GrowthCheck(
    string Label,
    int FromYear,
    int ToYear,
    double StatedPercent,
    double RecomputedPercent,
    double LowPercent,
    double HighPercent,
    bool Flagged);
