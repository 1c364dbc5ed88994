namespace TradeGrid.Numerics.Describe;

/// <summary>Per-year arithmetic on two series of the same economy already aligned on the same years.</summary>
public static class SeriesPair
{
    /// <summary>
    /// numerator_t / denominator_t (a fraction; multiply by 100 for %), e.g. digitalization ratio = digital trade / total trade.
    /// NaN where either is missing or the denominator is 0.
    /// </summary>
    public static double[] Ratio(double[] numerator, double[] denominator)
    {
        SeriesGuard.SameLength(numerator, denominator, nameof(denominator));
        var ratio = new double[numerator.Length];
        for (int i = 0; i < ratio.Length; i++)
        {
            ratio[i] = denominator[i] != 0.0 ? numerator[i] / denominator[i] : double.NaN;
        }
        return ratio;
    }

    /// <summary>exports_t − imports_t; NaN where either is missing (a missing side is not a zero).</summary>
    public static double[] Balance(double[] exports, double[] imports)
    {
        SeriesGuard.SameLength(exports, imports, nameof(imports));
        var balance = new double[exports.Length];
        for (int i = 0; i < balance.Length; i++)
        {
            balance[i] = exports[i] - imports[i];
        }
        return balance;
    }

    /// <summary>
    /// The values of a series at <paramref name="years"/> (NaN where the series has no such year), so that series
    /// stored over different year ranges can be paired or handed to a group partial.
    /// </summary>
    public static double[] At(int[] seriesYears, double[] seriesValues, int[] years)
    {
        SeriesGuard.Years(seriesYears, nameof(seriesYears));
        SeriesGuard.SameLength(seriesYears, seriesValues, nameof(seriesValues));
        ArgumentNullException.ThrowIfNull(years);
        var aligned = new double[years.Length];
        for (int i = 0; i < years.Length; i++)
        {
            int j = SeriesGuard.IndexOf(seriesYears, years[i]);
            aligned[i] = j >= 0 ? seriesValues[j] : double.NaN;
        }
        return aligned;
    }
}
