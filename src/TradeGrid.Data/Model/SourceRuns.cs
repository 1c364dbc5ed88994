namespace TradeGrid.Data.Model;

/// <summary>
/// The sources of a series' values as runs: <c>names[k]</c> is the source of every value from <c>starts[k]</c> up to
/// the next start. A series has one source, or a few, over many values; runs hold (and serialize) one string per
/// change of source instead of one per value. Pure functions; the arrays are never changed.
/// </summary>
public static class SourceRuns
{
    /// <summary>Runs of equal (ordinal) neighbours in a per-value array.</summary>
    public static (string[] Names, int[] Starts) Compress(ReadOnlySpan<string> perValue)
    {
        if (perValue.IsEmpty)
        {
            return ([], []);
        }
        int runs = 1;
        for (int i = 1; i < perValue.Length; i++)
        {
            runs += string.Equals(perValue[i], perValue[i - 1], StringComparison.Ordinal) ? 0 : 1;
        }
        var names = new string[runs];
        var starts = new int[runs];
        names[0] = perValue[0];
        for (int i = 1, k = 0; i < perValue.Length; i++)
        {
            if (!string.Equals(perValue[i], perValue[i - 1], StringComparison.Ordinal))
            {
                k++;
                names[k] = perValue[i];
                starts[k] = i;
            }
        }
        return (names, starts);
    }

    /// <summary>One source per value, for <paramref name="count"/> values.</summary>
    public static string[] Expand(string[] names, int[] starts, int count)
    {
        var perValue = new string[count];
        for (int k = 0; k < names.Length; k++)
        {
            int end = k + 1 < starts.Length ? starts[k + 1] : count;
            perValue.AsSpan(starts[k], end - starts[k]).Fill(names[k]);
        }
        return perValue;
    }

    /// <summary>The source of value <paramref name="index"/>.</summary>
    public static string At(string[] names, int[] starts, int index) => names[RunOf(starts, index)];

    /// <summary>The runs of values [start, start + count), renumbered from 0.</summary>
    public static (string[] Names, int[] Starts) Slice(string[] names, int[] starts, int start, int count)
    {
        if (count <= 0)
        {
            return ([], []);
        }
        int first = RunOf(starts, start), last = RunOf(starts, start + count - 1);
        var sliced = new int[last - first + 1];
        for (int k = first; k <= last; k++)
        {
            sliced[k - first] = Math.Max(0, starts[k] - start);
        }
        return (names[first..(last + 1)], sliced);
    }

    private static int RunOf(int[] starts, int index)
    {
        int k = Array.BinarySearch(starts, index);
        return k >= 0 ? k : ~k - 1;
    }
}
