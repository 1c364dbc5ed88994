namespace TradeGrid.Numerics.Describe;

/// <summary>
/// Each member's contribution to the growth of a group total between two years, as the ITC report states them
/// ("the EU, the United States and China ... accounting for 41.9%, 18.6% and 13.9% of growth").
/// Member arrays are aligned with <see cref="Economies"/>; NaN for a member without a value in either year.
/// </summary>
/// <param name="FromYear">Start of the period.</param>
/// <param name="ToYear">End of the period.</param>
/// <param name="TotalFrom">The total in FromYear: the published figure, or Σ over members present in both years.</param>
/// <param name="TotalTo">The total in ToYear, chosen as TotalFrom.</param>
/// <param name="GrowthPercent">(TotalTo / TotalFrom − 1) × 100.</param>
/// <param name="Economies">Member codes, as given.</param>
/// <param name="Change">Δx_i = x_i(to) − x_i(from), in the indicator's unit.</param>
/// <param name="ShareOfChangePercent">100 × Δx_i / ΔTotal; sums to 100 over the members when the total is theirs; NaN when ΔTotal = 0.</param>
/// <param name="PercentagePoints">100 × Δx_i / TotalFrom: the member's percentage points of <paramref name="GrowthPercent"/>.</param>
public sealed record ContributionTable(
    int FromYear,
    int ToYear,
    double TotalFrom,
    double TotalTo,
    double GrowthPercent,
    string[] Economies,
    double[] Change,
    double[] ShareOfChangePercent,
    double[] PercentagePoints);
