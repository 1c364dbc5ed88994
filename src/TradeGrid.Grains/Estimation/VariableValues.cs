using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// Evaluates a variable from its series, for the estimation rows and the prediction rows alike: level, log and log1p
/// of the value at t − lag, or the difference x_t − x_{t−lag}. With a maximum age a, the value "at" a year is the
/// series' latest finite one in [year − a, year] (0: that year only).
/// </summary>
internal static class VariableValues
{
    public static VariableValue Evaluate(SeriesRecord? series, VariableSpec variable, int year, int maxAge = 0)
    {
        if (series is null)
        {
            return default;
        }

        if (variable.Transform == TransformKind.Difference)
        {
            double now = AsOf(series, year, maxAge), before = AsOf(series, year - variable.Lag, maxAge);
            return double.IsNaN(now) || double.IsNaN(before) ? default : new VariableValue(true, now - before, now, true);
        }

        return Of(AsOf(series, year - variable.Lag, maxAge), variable.Transform);
    }

    /// <summary>A level, log or log1p of a value read from a series (not present when it is not finite).</summary>
    public static VariableValue Of(double raw, TransformKind transform)
    {
        if (!double.IsFinite(raw))
        {
            return default;
        }

        return transform switch
        {
            TransformKind.Log => new VariableValue(true, raw > 0.0 ? Math.Log(raw) : double.NaN, raw, raw > 0.0),
            TransformKind.Log1p => new VariableValue(true, raw > -1.0 ? double.LogP1(raw) : double.NaN, raw, raw > -1.0),
            _ => new VariableValue(true, raw, raw, true),
        };
    }

    /// <summary>The series' latest finite value in [year − maxAge, year], or NaN.</summary>
    public static double AsOf(SeriesRecord? series, int year, int maxAge = 0)
    {
        if (series is null)
        {
            return double.NaN;
        }

        // Years without gaps (most series): the year's index is its distance from the first; else a search.
        int[] years = series.Years;
        int i = year - (years.Length > 0 ? years[0] : 0);
        if ((uint)i >= (uint)years.Length || years[i] != year)
        {
            i = Array.BinarySearch(years, year);
            i = i >= 0 ? i : ~i - 1;
        }

        for (; i >= 0 && series.Years[i] >= year - maxAge; i--)
        {
            if (double.IsFinite(series.Values[i]))
            {
                return series.Values[i];
            }
        }

        return double.NaN;
    }
}
