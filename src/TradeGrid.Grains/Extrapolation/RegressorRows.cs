using System.Globalization;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Estimation;

namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// Builds one row of regressors for a year from an economy's own series with the estimation rows' own evaluation
/// (<see cref="VariableValues"/>), optionally "as of" the year. A missing value or a log of a value ≤ 0 makes the row
/// unavailable, with the reason naming the variable and the year.
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

    private static bool TryValue(SeriesRecord? series, VariableSpec v, int year, int maxAge, out double value, out string reason)
    {
        VariableValue x = VariableValues.Evaluate(series, v, year, maxAge);
        value = x.Transformed;
        if (x.Present && x.LogValid)
        {
            // The common case builds no text: a prediction for every economy × year makes thousands of rows.
            reason = string.Empty;
            return true;
        }

        string when = maxAge == 0 ? year.ToString(CultureInfo.InvariantCulture) : $"{year - maxAge}–{year}";
        reason = !x.Present ? $"{v.Name} has no value for {when}{(v.Transform == TransformKind.Difference ? " (or at its lag)" : string.Empty)}"
            : !x.LogValid ? $"{v.Name}: log of {x.Raw.ToString("G6", CultureInfo.InvariantCulture)} ≤ 0 in {when}"
            : string.Empty;
        return reason.Length == 0;
    }
}
