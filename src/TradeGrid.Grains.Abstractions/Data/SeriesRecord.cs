using TradeGrid.Data.Model;

namespace TradeGrid.Grains.Abstractions.Data;

/// <summary>
/// One series of an economy as parallel arrays sorted by year. Immutable once built: a write makes a new record,
/// so readers can hold one without copies. Provenance holds <see cref="TradeGrid.Data.Model.Provenance"/> values.
/// Sources are kept as runs (<see cref="SourceRuns"/>): <c>SourceNames[k]</c> from value <c>SourceStarts[k]</c> on;
/// <see cref="SourceAt"/> gives one value's.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.SeriesRecord")]
public sealed record SeriesRecord(
    [property: Id(0)] string Indicator,
    [property: Id(1)] string Partner,
    [property: Id(2)] int[] Years,
    [property: Id(3)] double[] Values,
    [property: Id(4)] byte[] Provenance,
    [property: Id(7)] string[] SourceNames,
    [property: Id(8)] int[] SourceStarts,
    [property: Id(6)] long Version)
{
    public static string Key(string indicator, string partner) => partner.Length == 0 ? indicator : indicator + "|" + partner;

    /// <summary>A series with no values.</summary>
    public static SeriesRecord Empty(string indicator, string partner) => new(indicator, partner, [], [], [], [], [], 0);

    public string SourceAt(int index) => SourceRuns.At(SourceNames, SourceStarts, index);

    /// <summary>The years in [from, to] (0 = open on that side); the same record when nothing is cut.</summary>
    public SeriesRecord Slice(int from, int to)
    {
        int start = from == 0 ? 0 : LowerBound(from);
        int end = to == 0 ? Years.Length : LowerBound(to + 1);
        if (start == 0 && end == Years.Length)
        {
            return this;
        }
        int n = Math.Max(0, end - start);
        (string[] names, int[] starts) = SourceRuns.Slice(SourceNames, SourceStarts, start, n);
        return this with
        {
            Years = Years.AsSpan(start, n).ToArray(),
            Values = Values.AsSpan(start, n).ToArray(),
            Provenance = Provenance.AsSpan(start, n).ToArray(),
            SourceNames = names,
            SourceStarts = starts,
        };
    }

    private int LowerBound(int year)
    {
        int index = Array.BinarySearch(Years, year);
        return index >= 0 ? index : ~index;
    }
}
