using TradeGrid.Data.Model;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Writes;

namespace TradeGrid.Grains.Writes;

/// <summary>
/// The rows of one series within an <see cref="ObservationBatch"/>, as ranges of row indexes. Files list a series'
/// rows together, so a series is usually one range and its values are read in place, without a copy.
/// </summary>
internal sealed class BatchSeries(string indicator, string partner)
{
    private readonly List<(int Start, int Length)> _ranges = [];

    public string Indicator { get; } = indicator;

    public string Partner { get; } = partner;

    /// <summary>The batch's series in order of first appearance.</summary>
    public static List<BatchSeries> Group(ObservationBatch batch)
    {
        var groups = new List<BatchSeries>();
        var byKey = new Dictionary<string, BatchSeries>(StringComparer.Ordinal);
        int i = 0;
        while (i < batch.Count)
        {
            string indicator = batch.Indicators[i], partner = batch.Partners[i];
            // Codes arrive pooled and a series' rows together: one lookup per run of rows of the same series.
            int end = i + 1;
            while (end < batch.Count && ReferenceEquals(batch.Indicators[end], indicator) && ReferenceEquals(batch.Partners[end], partner))
            {
                end++;
            }
            string key = SeriesRecord.Key(indicator, partner);
            if (!byKey.TryGetValue(key, out BatchSeries? series))
            {
                byKey[key] = series = new BatchSeries(indicator, partner);
                groups.Add(series);
            }
            series.Add(i, end - i);
            i = end;
        }
        return groups;
    }

    /// <summary>Merges this series' rows of the batch into <paramref name="existing"/> (null: a new series).</summary>
    public MergedSeries MergeInto(SeriesRecord? existing, ObservationBatch batch)
    {
        int[] years = existing?.Years ?? [];
        string[] sources = existing is null ? [] : SourceRuns.Expand(existing.SourceNames, existing.SourceStarts, years.Length);
        if (_ranges.Count == 1)
        {
            (int start, int length) = _ranges[0];
            return SeriesMerge.Merge(years, existing?.Values ?? [], existing?.Provenance ?? [], sources,
                batch.Years.AsSpan(start, length), batch.Values.AsSpan(start, length),
                batch.Provenance.AsSpan(start, length), batch.Sources.AsSpan(start, length));
        }
        return SeriesMerge.Merge(years, existing?.Values ?? [], existing?.Provenance ?? [], sources,
            Gather(batch.Years), Gather(batch.Values), Gather(batch.Provenance), Gather(batch.Sources));
    }

    private T[] Gather<T>(T[] column)
    {
        var gathered = new T[_ranges.Sum(r => r.Length)];
        int at = 0;
        foreach ((int start, int length) in _ranges)
        {
            column.AsSpan(start, length).CopyTo(gathered.AsSpan(at));
            at += length;
        }
        return gathered;
    }

    private void Add(int start, int length)
    {
        if (_ranges.Count > 0 && _ranges[^1].Start + _ranges[^1].Length == start)
        {
            _ranges[^1] = (_ranges[^1].Start, _ranges[^1].Length + length);
        }
        else
        {
            _ranges.Add((start, length));
        }
    }
}
