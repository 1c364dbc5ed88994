using System.Globalization;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Abstractions.Records;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// Builds one row of regressors for a year from an economy's own series, as the estimation rows are built (level, log,
/// log1p at t − lag; difference x_t − x_{t−lag}), optionally "as of" the year: with a maximum age a, a value for year
/// t is the series' latest one in [t − a, t]. A missing value or a log of a value ≤ 0 makes the row unavailable, with
/// the reason naming the variable and the year.
/// </summary>
internal static class RegressorRows
{
    public static bool TryBuild(IReadOnlyDictionary<string, SeriesRecord> series, IReadOnlyList<VariableSpec> regressors, bool intercept,
        int year, int maxAge, double[] row, out string reason)
    {
        int offset = intercept ? 1 : 0;
        if (intercept)
        {
            row[0] = 1.0;
        }

        for (int j = 0; j < regressors.Count; j++)
        {
            VariableSpec v = regressors[j];
            SeriesRecord? s = series.GetValueOrDefault(SeriesRecord.Key(v.Indicator, string.Empty));
            if (!TryValue(s, v, year, maxAge, out double value, out reason))
            {
                return false;
            }

            row[offset + j] = value;
        }

        reason = string.Empty;
        return true;
    }

    /// <summary>The series' latest finite value in [year − maxAge, year], or NaN.</summary>
    public static double AsOf(SeriesRecord? series, int year, int maxAge)
    {
        if (series is null)
        {
            return double.NaN;
        }

        int i = Array.BinarySearch(series.Years, year);
        i = i >= 0 ? i : ~i - 1;
        for (; i >= 0 && series.Years[i] >= year - maxAge; i--)
        {
            if (double.IsFinite(series.Values[i]))
            {
                return series.Values[i];
            }
        }

        return double.NaN;
    }

    private static bool TryValue(SeriesRecord? series, VariableSpec v, int year, int maxAge, out double value, out string reason)
    {
        string when = maxAge == 0 ? year.ToString(CultureInfo.InvariantCulture) : $"{year - maxAge}–{year}";
        value = double.NaN;
        double raw = AsOf(series, year - v.Lag, maxAge);
        if (v.Transform == TransformKind.Difference)
        {
            double now = AsOf(series, year, maxAge);
            value = now - raw;
            reason = double.IsFinite(value) ? string.Empty : $"{v.Name} has no value for {when} (or at its lag)";
            return double.IsFinite(value);
        }

        if (double.IsNaN(raw))
        {
            reason = $"{v.Name} has no value for {when}";
            return false;
        }

        (value, bool valid) = v.Transform switch
        {
            TransformKind.Log => (Math.Log(raw), raw > 0.0),
            TransformKind.Log1p => (double.LogP1(raw), raw > -1.0),
            _ => (raw, true),
        };
        reason = valid ? string.Empty : $"{v.Name}: log of {raw.ToString("G6", CultureInfo.InvariantCulture)} ≤ 0 in {when}";
        return valid;
    }
}
