using TradeGrid.Data.Model;

namespace TradeGrid.Grains.Abstractions.Writes;

/// <summary>
/// Observations for one economy, column by column (cheaper to serialize than a list of rows).
/// Sent as <c>Immutable&lt;ObservationBatch&gt;</c>: the grain reads it and never changes it.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ObservationBatch")]
public sealed record ObservationBatch(
    [property: Id(0)] string[] Indicators,
    [property: Id(1)] string[] Partners,
    [property: Id(2)] int[] Years,
    [property: Id(3)] double[] Values,
    [property: Id(4)] byte[] Provenance,
    [property: Id(5)] string[] Sources)
{
    public int Count => Years.Length;

    /// <summary>All <paramref name="rows"/> in one batch, whatever their economy.</summary>
    public static ObservationBatch From(IReadOnlyList<ObservationRow> rows)
    {
        var batch = new ObservationBatch(new string[rows.Count], new string[rows.Count], new int[rows.Count],
            new double[rows.Count], new byte[rows.Count], new string[rows.Count]);
        for (int i = 0; i < rows.Count; i++)
        {
            batch.Put(i, rows[i]);
        }
        return batch;
    }

    /// <summary>
    /// One batch per economy of the rows of all <paramref name="parts"/>, rows in their order. Two passes (count, then
    /// fill arrays of the exact size): no list grows and no row is copied twice.
    /// </summary>
    public static Dictionary<string, ObservationBatch> ByEconomy(IReadOnlyList<IReadOnlyList<ObservationRow>> parts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? last = null;
        int run = 0;
        foreach (IReadOnlyList<ObservationRow> rows in parts)
        {
            for (int i = 0; i < rows.Count; i++)
            {
                string economy = rows[i].Economy;
                // Rows arrive grouped and their codes pooled: count a run of one economy with one lookup.
                if (!ReferenceEquals(economy, last))
                {
                    Flush(counts, last, run);
                    (last, run) = (economy, 0);
                }
                run++;
            }
        }
        Flush(counts, last, run);

        var batches = new Dictionary<string, ObservationBatch>(counts.Count, StringComparer.Ordinal);
        var filled = new Dictionary<string, int>(counts.Count, StringComparer.Ordinal);
        foreach ((string economy, int count) in counts)
        {
            batches[economy] = new ObservationBatch(new string[count], new string[count], new int[count],
                new double[count], new byte[count], new string[count]);
            filled[economy] = 0;
        }
        ObservationBatch? batch = null;
        last = null;
        int at = 0;
        foreach (IReadOnlyList<ObservationRow> rows in parts)
        {
            for (int i = 0; i < rows.Count; i++)
            {
                ObservationRow r = rows[i];
                if (!ReferenceEquals(r.Economy, last))
                {
                    if (last is not null)
                    {
                        filled[last] = at;
                    }
                    last = r.Economy;
                    batch = batches[last];
                    at = filled[last];
                }
                batch!.Put(at++, r);
            }
        }
        return batches;
    }

    private void Put(int at, ObservationRow r)
    {
        Indicators[at] = r.Indicator;
        Partners[at] = r.Partner;
        Years[at] = r.Year;
        Values[at] = r.Value;
        Provenance[at] = (byte)r.Provenance;
        Sources[at] = r.Source;
    }

    private static void Flush(Dictionary<string, int> counts, string? economy, int run)
    {
        if (economy is not null)
        {
            counts[economy] = counts.GetValueOrDefault(economy) + run;
        }
    }
}
