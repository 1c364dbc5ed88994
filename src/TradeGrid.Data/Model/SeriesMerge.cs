namespace TradeGrid.Data.Model;

/// <summary>
/// Merges new values into a series kept as parallel arrays sorted by year: a year already present is overwritten,
/// a new year is inserted. Pure: returns new arrays and never changes its inputs.
/// </summary>
public static class SeriesMerge
{
    public static MergedSeries Merge(
        int[] years, double[] values, byte[] provenance, string[] sources, IReadOnlyList<ObservationRow> incoming)
    {
        var byYear = new SortedDictionary<int, (double Value, byte Provenance, string Source)>();
        for (int i = 0; i < years.Length; i++)
        {
            byYear[years[i]] = (values[i], provenance[i], sources[i]);
        }
        int changed = 0;
        foreach (ObservationRow row in incoming)
        {
            var next = (row.Value, (byte)row.Provenance, row.Source);
            if (!byYear.TryGetValue(row.Year, out var previous) || !previous.Equals(next))
            {
                changed++;
            }
            byYear[row.Year] = next;
        }
        var result = new MergedSeries(new int[byYear.Count], new double[byYear.Count], new byte[byYear.Count], new string[byYear.Count], changed);
        int k = 0;
        foreach ((int year, (double value, byte flag, string source)) in byYear)
        {
            result.Years[k] = year;
            result.Values[k] = value;
            result.Provenance[k] = flag;
            result.Sources[k] = source;
            k++;
        }
        return result;
    }
}
