namespace TradeGrid.Data.Model;

/// <summary>
/// Merges new values into a series kept as parallel arrays sorted by year: a year already present is overwritten,
/// a new year is inserted; within the incoming rows the later of two for the same year wins. Pure: returns new
/// arrays and never changes its inputs. A sort of the incoming rows and one linear pass: O((n + m) + m log m).
/// </summary>
public static class SeriesMerge
{
    public static MergedSeries Merge(
        int[] years, double[] values, byte[] provenance, string[] sources, IReadOnlyList<ObservationRow> incoming)
    {
        // Sort incoming by (year, arrival) so that the last arrival of a year is the one kept.
        long[] keys = new long[incoming.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)incoming[i].Year << 32) | (uint)i;
        }
        Array.Sort(keys);

        var result = new MergedSeries(new int[years.Length + keys.Length], new double[years.Length + keys.Length],
            new byte[years.Length + keys.Length], new string[years.Length + keys.Length], 0);
        int changed = 0, n = 0, a = 0, b = 0;
        while (a < years.Length || b < keys.Length)
        {
            int nextIncomingYear = b < keys.Length ? (int)(keys[b] >> 32) : int.MaxValue;
            if (a < years.Length && years[a] < nextIncomingYear)
            {
                Put(result, n++, years[a], values[a], provenance[a], sources[a]);
                a++;
                continue;
            }
            while (b + 1 < keys.Length && (int)(keys[b + 1] >> 32) == nextIncomingYear)
            {
                b++;
            }
            ObservationRow row = incoming[(int)(keys[b] & 0xFFFFFFFF)];
            bool replaces = a < years.Length && years[a] == nextIncomingYear;
            if (!replaces || values[a] != row.Value || provenance[a] != (byte)row.Provenance || sources[a] != row.Source)
            {
                changed++;
            }
            Put(result, n++, row.Year, row.Value, (byte)row.Provenance, row.Source);
            a += replaces ? 1 : 0;
            b++;
        }
        return n == result.Years.Length
            ? result with { Changed = changed }
            : new MergedSeries(result.Years[..n], result.Values[..n], result.Provenance[..n], result.Sources[..n], changed);
    }

    private static void Put(MergedSeries series, int at, int year, double value, byte provenance, string source)
    {
        series.Years[at] = year;
        series.Values[at] = value;
        series.Provenance[at] = provenance;
        series.Sources[at] = source;
    }
}
