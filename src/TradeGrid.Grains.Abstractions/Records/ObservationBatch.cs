using TradeGrid.Data.Model;

namespace TradeGrid.Grains.Abstractions.Records;

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

    public static ObservationBatch From(IReadOnlyList<ObservationRow> rows)
    {
        var batch = new ObservationBatch(new string[rows.Count], new string[rows.Count], new int[rows.Count],
            new double[rows.Count], new byte[rows.Count], new string[rows.Count]);
        for (int i = 0; i < rows.Count; i++)
        {
            ObservationRow r = rows[i];
            batch.Indicators[i] = r.Indicator;
            batch.Partners[i] = r.Partner;
            batch.Years[i] = r.Year;
            batch.Values[i] = r.Value;
            batch.Provenance[i] = (byte)r.Provenance;
            batch.Sources[i] = r.Source;
        }
        return batch;
    }

    public ObservationRow Row(string economy, int i) =>
        new(economy, Indicators[i], Partners[i], Years[i], Values[i], (Provenance)Provenance[i], Sources[i], 0);
}
