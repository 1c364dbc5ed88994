using TradeGrid.Domain;
using TradeGrid.Numerics.Describe;

namespace TradeGrid.Numerics.Fill;

/// <summary>
/// Fills the missing years of one economy's series (ITC Global Digital Trade Report 2025, Box 2: "if an economy's
/// cross-border e-commerce volume is available for only one year, the report interpolates the remaining values
/// using the growth rate of its merchandise trade"). Observed values are never changed; every filled value is tagged
/// with its <see cref="FillMethod"/> and a <see cref="FillFlag"/>: interpolated between the first and last known
/// years, estimated beyond them.
/// </summary>
public static class GapFill
{
    /// <summary>
    /// Fills every missing year of <paramref name="target"/> with the growth of <paramref name="proxy"/> (same economy,
    /// aligned on <paramref name="years"/>): backwards from the first known year and forwards from the last as
    /// x_t = x_k · p_t / p_k, and between two known years by <paramref name="between"/> (see <see cref="BetweenKnown"/>).
    /// Chaining the proxy's year-on-year growth telescopes to the ratio of its levels, so only the proxy in the filled
    /// year and in the known year(s) it is carried from is needed; a gap in the proxy elsewhere does not matter.
    /// </summary>
    /// <param name="economy">The economy's code, named in messages.</param>
    /// <param name="years">Strictly ascending years.</param>
    /// <param name="target">The series to fill (NaN = missing).</param>
    /// <param name="proxy">The proxy, aligned on <paramref name="years"/> (e.g. merchandise exports).</param>
    /// <param name="between">Chain or spread across a gap with known values on both sides.</param>
    /// <exception cref="InsufficientDataException">No known target value; or the proxy missing or ≤ 0 in years the fill needs (all listed).</exception>
    /// <exception cref="InvalidSpecException">Spread across a gap whose known values are not both positive.</exception>
    public static FilledSeries ByProxy(string economy, int[] years, double[] target, double[] proxy, BetweenKnown between)
    {
        SeriesGuard.Years(years, nameof(years));
        SeriesGuard.SameLength(years, target, nameof(target));
        SeriesGuard.SameLength(years, proxy, nameof(proxy));
        int[] known = Known(economy, years, target);
        RefuseProxyGaps(economy, years, target, proxy, known, interior: true, ends: true, between);

        FilledSeries filled = Start(years, target);
        for (int t = 0; t < years.Length; t++)
        {
            if (!double.IsNaN(target[t]))
            {
                continue;
            }
            (int a, int b) = Neighbours(known, t);
            if (a < 0 || b < 0)
            {
                int k = a < 0 ? b : a;
                Set(filled, t, target[k] * proxy[t] / proxy[k], FillMethod.ProxyExtrapolation);
            }
            else if (between == BetweenKnown.Chain)
            {
                // Nearer known year; a tie chains forward from the earlier one.
                int k = years[t] - years[a] <= years[b] - years[t] ? a : b;
                Set(filled, t, target[k] * proxy[t] / proxy[k], FillMethod.ProxyChain);
            }
            else
            {
                RefuseNonPositive(economy, years, target, a, b, "spreading the discrepancy geometrically; use Chain");
                double r = target[b] / target[a] / (proxy[b] / proxy[a]);
                double f = (double)(years[t] - years[a]) / (years[b] - years[a]);
                Set(filled, t, target[a] * (proxy[t] / proxy[a]) * Math.Pow(r, f), FillMethod.ProxySpread);
            }
        }
        return filled;
    }

    /// <summary>
    /// Interpolates between known years (see <see cref="InterpolationKind"/>, in calendar years, so uneven gaps are
    /// handled) and, only when <paramref name="ends"/> asks, extrapolates beyond the first and last known years.
    /// </summary>
    /// <param name="economy">The economy's code, named in messages.</param>
    /// <param name="years">Strictly ascending years.</param>
    /// <param name="values">The series to fill (NaN = missing).</param>
    /// <param name="kind">Linear or log-linear between known years.</param>
    /// <param name="ends">Whether and how to extrapolate beyond the known years.</param>
    /// <param name="proxy">The proxy aligned on <paramref name="years"/>; required for <see cref="EndFill.Proxy"/>, else ignored.</param>
    /// <exception cref="InsufficientDataException">No known value; fewer than two for <see cref="EndFill.LastCagr"/>; the proxy missing or ≤ 0 in years the ends need.</exception>
    /// <exception cref="InvalidSpecException">Log-linear interpolation or CAGR extrapolation across a non-positive known value.</exception>
    public static FilledSeries Interpolate(string economy, int[] years, double[] values, InterpolationKind kind, EndFill ends, double[]? proxy = null)
    {
        SeriesGuard.Years(years, nameof(years));
        SeriesGuard.SameLength(years, values, nameof(values));
        if (ends == EndFill.Proxy)
        {
            if (proxy is null)
            {
                throw new ArgumentException("EndFill.Proxy needs a proxy series.", nameof(proxy));
            }
            SeriesGuard.SameLength(years, proxy, nameof(proxy));
        }
        int[] known = Known(economy, years, values);
        if (ends == EndFill.Proxy)
        {
            RefuseProxyGaps(economy, years, values, proxy!, known, interior: false, ends: true, BetweenKnown.Chain); // checked non-null above
        }
        if (ends == EndFill.LastCagr && known.Length < 2)
        {
            throw new InsufficientDataException(
                $"{SeriesGuard.Label(economy)} has one known value ({years[known[0]]}); extrapolating by the last CAGR needs two. Use a proxy or no extrapolation.");
        }

        FilledSeries filled = Start(years, values);
        for (int t = 0; t < years.Length; t++)
        {
            if (!double.IsNaN(values[t]))
            {
                continue;
            }
            (int a, int b) = Neighbours(known, t);
            if (a >= 0 && b >= 0)
            {
                double f = (double)(years[t] - years[a]) / (years[b] - years[a]);
                if (kind == InterpolationKind.Linear)
                {
                    Set(filled, t, values[a] + (values[b] - values[a]) * f, FillMethod.Linear);
                }
                else
                {
                    RefuseNonPositive(economy, years, values, a, b, "log-linear interpolation; use Linear");
                    Set(filled, t, values[a] * Math.Pow(values[b] / values[a], f), FillMethod.LogLinear);
                }
            }
            else if (ends == EndFill.Proxy)
            {
                int k = a < 0 ? b : a;
                Set(filled, t, values[k] * proxy![t] / proxy[k], FillMethod.ProxyExtrapolation); // checked non-null above
            }
            else if (ends == EndFill.LastCagr)
            {
                // The two known years nearest the end being extended: (k, j) with k the end itself.
                int k = a < 0 ? known[0] : known[^1];
                int j = a < 0 ? known[1] : known[^2];
                RefuseNonPositive(economy, years, values, Math.Min(j, k), Math.Max(j, k), "extrapolating by the CAGR; use a proxy");
                double exponent = (double)(years[t] - years[k]) / (years[k] - years[j]);
                Set(filled, t, values[k] * Math.Pow(values[k] / values[j], exponent), FillMethod.CagrExtrapolation);
            }
        }
        return filled;
    }

    private static int[] Known(string economy, int[] years, double[] values)
    {
        int[] known = Enumerable.Range(0, years.Length).Where(i => !double.IsNaN(values[i])).ToArray();
        if (known.Length == 0)
        {
            string span = years.Length == 0 ? "no years" : $"{years[0]}–{years[^1]}";
            throw new InsufficientDataException($"{SeriesGuard.Label(economy)} has no known value in {span} to fill from; import at least one year.");
        }
        return known;
    }

    /// <summary>Nearest known index before and after <paramref name="t"/> (−1 when none).</summary>
    private static (int Before, int After) Neighbours(int[] known, int t)
    {
        int i = Array.BinarySearch(known, t);
        int after = ~i; // t is missing, so never found: ~i is the first known index after t
        return (after > 0 ? known[after - 1] : -1, after < known.Length ? known[after] : -1);
    }

    private static void RefuseProxyGaps(
        string economy, int[] years, double[] target, double[] proxy, int[] known, bool interior, bool ends, BetweenKnown between)
    {
        var needed = new SortedSet<int>();
        for (int t = 0; t < years.Length; t++)
        {
            if (!double.IsNaN(target[t]))
            {
                continue;
            }
            (int a, int b) = Neighbours(known, t);
            bool inside = a >= 0 && b >= 0;
            if ((inside && !interior) || (!inside && !ends))
            {
                continue;
            }
            needed.Add(t);
            if (!inside)
            {
                needed.Add(a < 0 ? b : a);
            }
            else if (between == BetweenKnown.Spread)
            {
                needed.Add(a);
                needed.Add(b);
            }
            else
            {
                needed.Add(years[t] - years[a] <= years[b] - years[t] ? a : b);
            }
        }

        // NaN fails "> 0" as well: a proxy that is missing or not positive cannot carry a growth rate.
        int[] gaps = needed.Where(i => !(proxy[i] > 0.0)).Select(i => years[i]).ToArray();
        if (gaps.Length > 0)
        {
            throw new InsufficientDataException(
                $"The proxy of {SeriesGuard.Label(economy)} is missing or not positive in {string.Join(", ", gaps)}, which the fill needs; import those years of the proxy or choose another.");
        }
    }

    private static void RefuseNonPositive(string economy, int[] years, double[] values, int a, int b, string what)
    {
        if (!(values[a] > 0.0 && values[b] > 0.0))
        {
            throw new InvalidSpecException(
                $"{SeriesGuard.Label(economy)} has {values[a]} in {years[a]} and {values[b]} in {years[b]}: {what} needs positive values.");
        }
    }

    private static FilledSeries Start(int[] years, double[] values)
    {
        int n = years.Length;
        var methods = new FillMethod[n];
        var flags = new FillFlag[n];
        for (int t = 0; t < n; t++)
        {
            bool observed = !double.IsNaN(values[t]);
            methods[t] = observed ? FillMethod.Observed : FillMethod.NotFilled;
            flags[t] = observed ? FillFlag.Observed : FillFlag.Missing;
        }
        return new FilledSeries(years, [.. values], methods, flags);
    }

    private static void Set(FilledSeries filled, int t, double value, FillMethod method)
    {
        filled.Values[t] = value;
        filled.Methods[t] = method;
        filled.Flags[t] = method is FillMethod.ProxyExtrapolation or FillMethod.CagrExtrapolation ? FillFlag.Estimated : FillFlag.Interpolated;
    }
}
