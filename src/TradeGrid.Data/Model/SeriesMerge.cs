namespace TradeGrid.Data.Model;

/// <summary>
/// Merges new values into a series kept as parallel arrays sorted by year: a year already present is overwritten,
/// a new year is inserted; within the incoming rows the later of two for the same year wins. Pure: returns new
/// arrays and never changes its inputs. One linear pass, after a sort of the incoming rows unless their years
/// already rise: O(n + m), or O(n + m log m).
/// </summary>
public static class SeriesMerge
{
    public static MergedSeries Merge(
        int[] years, double[] values, byte[] provenance, string[] sources, IReadOnlyList<ObservationRow> incoming)
    {
        var inYears = new int[incoming.Count];
        var inValues = new double[incoming.Count];
        var inProvenance = new byte[incoming.Count];
        var inSources = new string[incoming.Count];
        for (int i = 0; i < incoming.Count; i++)
        {
            ObservationRow row = incoming[i];
            (inYears[i], inValues[i], inProvenance[i], inSources[i]) = (row.Year, row.Value, (byte)row.Provenance, row.Source);
        }
        return Merge(years, values, provenance, sources, inYears, inValues, inProvenance, inSources);
    }

    /// <summary>The same merge with the incoming values as parallel spans in arrival order.</summary>
    public static MergedSeries Merge(
        int[] years, double[] values, byte[] provenance, string[] sources,
        ReadOnlySpan<int> inYears, ReadOnlySpan<double> inValues, ReadOnlySpan<byte> inProvenance, ReadOnlySpan<string> inSources)
    {
        int[] order = ArrivalOrderByYear(inYears);
        int capacity = years.Length + order.Length;
        var result = new MergedSeries(new int[capacity], new double[capacity], new byte[capacity], new string[capacity], 0);
        int changed = 0, n = 0, a = 0, b = 0;
        while (a < years.Length || b < order.Length)
        {
            int nextIncomingYear = b < order.Length ? inYears[order[b]] : int.MaxValue;
            if (a < years.Length && years[a] < nextIncomingYear)
            {
                Put(result, n++, years[a], values[a], provenance[a], sources[a]);
                a++;
                continue;
            }
            while (b + 1 < order.Length && inYears[order[b + 1]] == nextIncomingYear)
            {
                b++;
            }
            int row = order[b];
            bool replaces = a < years.Length && years[a] == nextIncomingYear;
            if (!replaces || values[a] != inValues[row] || provenance[a] != inProvenance[row] || sources[a] != inSources[row])
            {
                changed++;
            }
            Put(result, n++, nextIncomingYear, inValues[row], inProvenance[row], inSources[row]);
            a += replaces ? 1 : 0;
            b++;
        }
        return n == capacity
            ? result with { Changed = changed }
            : new MergedSeries(result.Years[..n], result.Values[..n], result.Provenance[..n], result.Sources[..n], changed);
    }

    /// <summary>Indexes of the incoming rows sorted by (year, arrival), so that the last arrival of a year comes last.</summary>
    private static int[] ArrivalOrderByYear(ReadOnlySpan<int> inYears)
    {
        var order = new int[inYears.Length];
        bool rising = true;
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
            rising &= i == 0 || inYears[i] > inYears[i - 1];
        }
        if (rising)
        {
            return order;
        }
        var keys = new long[inYears.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)inYears[i] << 32) | (uint)i;
        }
        Array.Sort(keys);
        for (int i = 0; i < keys.Length; i++)
        {
            order[i] = (int)(keys[i] & 0xFFFFFFFF);
        }
        return order;
    }

    private static void Put(MergedSeries series, int at, int year, double value, byte provenance, string source)
    {
        series.Years[at] = year;
        series.Values[at] = value;
        series.Provenance[at] = provenance;
        series.Sources[at] = source;
    }
}
