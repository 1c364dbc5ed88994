using TradeGrid.Domain;

namespace TradeGrid.Numerics.Describe;

/// <summary>
/// Consistency check of published growth rates against the published levels they should follow from.
/// </summary>
/// <remarks>
/// The rule. A rate printed as S with d decimals stands for any true rate in [S − h, S + h], h = ½·10^−d.
/// A level printed as L with e decimals stands for any true level in [L − k, L + k], k = ½·10^−e (k = 0 when the
/// levels are taken as exact). Growth rises with the end level and falls with the start level, so the levels allow
/// the rates [g(L_from + k, L_to − k), g(L_from − k, L_to + k)]. A row is flagged when that interval and
/// [S − h, S + h] do not meet (a 1e−9 slack absorbs binary rounding at an exact half). With exact levels this is
/// the plain rule |S − g(L_from, L_to)| &gt; h: "differs by more than half a unit of the last stated decimal".
/// </remarks>
public static class PublishedTableCheck
{
    private const double BoundarySlack = 1e-9; // percent; a recomputed 9.05 against a stated 9.0 or 9.1 is not a discrepancy

    /// <summary>Checks one stated rate.</summary>
    /// <exception cref="InvalidSpecException">FromYear ≥ ToYear, a level ≤ 0 (after widening by its rounding), or negative decimals.</exception>
    public static GrowthCheck Check(StatedGrowth stated)
    {
        ArgumentNullException.ThrowIfNull(stated);
        if (stated.FromYear >= stated.ToYear)
        {
            throw new InvalidSpecException($"{stated.Label}: from ({stated.FromYear}) must be before to ({stated.ToYear}).");
        }
        if (stated.RateDecimals < 0 || stated.LevelDecimals < 0)
        {
            throw new InvalidSpecException($"{stated.Label}: decimals must be 0 or more; got {stated.RateDecimals} for the rate and {stated.LevelDecimals} for the levels.");
        }

        double h = 0.5 * Math.Pow(10.0, -stated.RateDecimals);
        double k = stated.LevelDecimals is int e ? 0.5 * Math.Pow(10.0, -e) : 0.0;
        if (!(stated.FromLevel - k > 0.0) || !(stated.ToLevel - k > 0.0))
        {
            throw new InvalidSpecException(
                $"{stated.Label}: levels {stated.FromLevel} ({stated.FromYear}) and {stated.ToLevel} ({stated.ToYear}) must be positive beyond their rounding for a growth rate.");
        }

        int span = stated.ToYear - stated.FromYear;
        double recomputed = Rate(stated.FromLevel, stated.ToLevel, span, stated.Form);
        double low = Rate(stated.FromLevel + k, stated.ToLevel - k, span, stated.Form);
        double high = Rate(stated.FromLevel - k, stated.ToLevel + k, span, stated.Form);
        bool flagged = stated.StatedPercent + h < low - BoundarySlack || stated.StatedPercent - h > high + BoundarySlack;
        return new GrowthCheck(stated.Label, stated.FromYear, stated.ToYear, stated.StatedPercent, recomputed, low, high, flagged);
    }

    /// <summary>
    /// Checks a table's year-on-year column: every year whose previous calendar year is in the table and whose stated
    /// rate is not NaN. A first year whose rate rests on an unpublished earlier level is skipped, not guessed.
    /// </summary>
    /// <param name="label">The column's name; rows are labelled "label year".</param>
    /// <param name="years">The table's years, strictly ascending.</param>
    /// <param name="levels">The printed levels.</param>
    /// <param name="statedPercent">The printed year-on-year rates in % (NaN where none is printed).</param>
    /// <param name="rateDecimals">Decimals printed for the rates.</param>
    /// <param name="levelDecimals">Decimals printed for the levels, or null to treat them as exact.</param>
    public static GrowthCheck[] YearOnYear(string label, int[] years, double[] levels, double[] statedPercent, int rateDecimals, int? levelDecimals)
    {
        SeriesGuard.Years(years, nameof(years));
        SeriesGuard.SameLength(years, levels, nameof(levels));
        SeriesGuard.SameLength(years, statedPercent, nameof(statedPercent));
        var checks = new List<GrowthCheck>();
        for (int i = 1; i < years.Length; i++)
        {
            if (years[i] != years[i - 1] + 1 || double.IsNaN(statedPercent[i]))
            {
                continue;
            }
            checks.Add(Check(new StatedGrowth(
                $"{label} {years[i]}", years[i - 1], levels[i - 1], years[i], levels[i], statedPercent[i], rateDecimals, levelDecimals, GrowthForm.Compound)));
        }
        return [.. checks];
    }

    private static double Rate(double from, double to, int span, GrowthForm form) => form switch
    {
        GrowthForm.Total => (to / from - 1.0) * 100.0,
        _ => (Math.Pow(to / from, 1.0 / span) - 1.0) * 100.0,
    };
}
