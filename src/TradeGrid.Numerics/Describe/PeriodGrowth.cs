namespace TradeGrid.Numerics.Describe;

/// <summary>
/// Growth of one series between two years, in the three forms analysts quote (all in %).
/// </summary>
/// <param name="FromYear">Start of the period.</param>
/// <param name="ToYear">End of the period.</param>
/// <param name="FromValue">The level in FromYear.</param>
/// <param name="ToValue">The level in ToYear.</param>
/// <param name="TotalPercent">(x_to / x_from − 1) × 100: "increased 58%".</param>
/// <param name="CagrPercent">((x_to / x_from)^(1/(to − from)) − 1) × 100: "average annual growth rate of 12.1%".</param>
/// <param name="LogPercentPerYear">100 × ln(x_to / x_from) / (to − from): continuously compounded, additive across periods and members' log changes.</param>
public sealed record PeriodGrowth(
    int FromYear,
    int ToYear,
    double FromValue,
    double ToValue,
    double TotalPercent,
    double CagrPercent,
    double LogPercentPerYear);
