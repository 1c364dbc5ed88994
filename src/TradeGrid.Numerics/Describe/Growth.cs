using TradeGrid.Domain;

namespace TradeGrid.Numerics.Describe;

/// <summary>
/// Growth of one economy's series: year-on-year, and over a period (total, compound annual, log).
/// A series is parallel arrays: strictly ascending years and values with NaN for missing.
/// </summary>
public static class Growth
{
    /// <summary>
    /// Year-on-year growth in %: (x_t / x_{t−1} − 1) × 100, aligned with <paramref name="years"/>.
    /// NaN where the previous calendar year is absent or missing, or x_{t−1} = 0 (pandas' <c>pct_change</c>
    /// on a series reindexed to every year, with ±inf turned into NaN). A negative base gives a rate of the
    /// opposite sign to the change; balances should be described by their change, not by this rate.
    /// </summary>
    public static double[] YearOnYear(int[] years, double[] values)
    {
        SeriesGuard.Years(years, nameof(years));
        SeriesGuard.SameLength(years, values, nameof(values));
        var growth = new double[years.Length];
        Array.Fill(growth, double.NaN);
        for (int i = 1; i < years.Length; i++)
        {
            bool consecutive = years[i] == years[i - 1] + 1;
            double previous = values[i - 1];
            growth[i] = consecutive && previous != 0.0 ? (values[i] / previous - 1.0) * 100.0 : double.NaN;
        }
        return growth;
    }

    /// <summary>
    /// Year-on-year log growth in %: 100 × ln(x_t / x_{t−1}). NaN where the previous calendar year is absent,
    /// either value is missing, or either is ≤ 0 (no logarithm; a per-year table does not refuse, it leaves a gap).
    /// </summary>
    public static double[] YearOnYearLog(int[] years, double[] values)
    {
        SeriesGuard.Years(years, nameof(years));
        SeriesGuard.SameLength(years, values, nameof(values));
        var growth = new double[years.Length];
        Array.Fill(growth, double.NaN);
        for (int i = 1; i < years.Length; i++)
        {
            bool usable = years[i] == years[i - 1] + 1 && values[i] > 0.0 && values[i - 1] > 0.0;
            growth[i] = usable ? 100.0 * Math.Log(values[i] / values[i - 1]) : double.NaN;
        }
        return growth;
    }

    /// <summary>
    /// Total, compound annual and log growth of <paramref name="economy"/>'s series from <paramref name="from"/> to <paramref name="to"/>.
    /// </summary>
    /// <exception cref="InvalidSpecException">from ≥ to, or an endpoint ≤ 0 (no compound or log rate exists).</exception>
    /// <exception cref="InsufficientDataException">An endpoint year is absent from the series or its value is missing.</exception>
    public static PeriodGrowth Period(string economy, int[] years, double[] values, int from, int to)
    {
        SeriesGuard.Years(years, nameof(years));
        SeriesGuard.SameLength(years, values, nameof(values));
        RefuseReversed(from, to);
        return Period(economy, from, ValueAt(economy, years, values, from), to, ValueAt(economy, years, values, to));
    }

    /// <summary>
    /// Total, compound annual and log growth between two stated levels (e.g. a report's "$4.59 trillion in 2020 to $7.23 trillion in 2024").
    /// </summary>
    /// <exception cref="InvalidSpecException">from ≥ to, or a level ≤ 0 or NaN.</exception>
    public static PeriodGrowth Period(string economy, int from, double fromValue, int to, double toValue)
    {
        RefuseReversed(from, to);
        RefuseNonPositive(economy, from, fromValue);
        RefuseNonPositive(economy, to, toValue);
        double ratio = toValue / fromValue;
        int span = to - from;
        return new PeriodGrowth(
            from,
            to,
            fromValue,
            toValue,
            (ratio - 1.0) * 100.0,
            (Math.Pow(ratio, 1.0 / span) - 1.0) * 100.0,
            100.0 * Math.Log(ratio) / span);
    }

    private static void RefuseReversed(int from, int to)
    {
        if (from >= to)
        {
            throw new InvalidSpecException($"from ({from}) must be before to ({to}); swap or widen the years.");
        }
    }

    private static void RefuseNonPositive(string economy, int year, double value)
    {
        // NaN fails "> 0" too: a stated level that is missing is as unusable as a negative one.
        if (!(value > 0.0))
        {
            throw new InvalidSpecException(
                $"{SeriesGuard.Label(economy)} has {value} in {year}: compound and log growth need positive values at both ends; choose other years.");
        }
    }

    private static double ValueAt(string economy, int[] years, double[] values, int year)
    {
        int i = SeriesGuard.IndexOf(years, year);
        if (i < 0 || double.IsNaN(values[i]))
        {
            throw new InsufficientDataException($"{SeriesGuard.Label(economy)} has no value in {year}; choose a year with data or fill the series first.");
        }
        return values[i];
    }
}
