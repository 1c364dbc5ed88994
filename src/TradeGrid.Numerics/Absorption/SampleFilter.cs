namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// Rows that carry no information about the slopes, dropped before a fit, iteratively (dropping one can make another
/// group a singleton or all-zero): singletons, groups of one row in any set of effects (reghdfe, ppmlhdfe; their
/// effect fits the row exactly), and for PPML groups whose dependent is all zero (their effect is −∞).
/// </summary>
public static class SampleFilter
{
    /// <summary>Marks dropped rows false in <paramref name="keep"/> and counts them by cause, with an example row of each.</summary>
    public static FilterCounts Apply(IReadOnlyList<int[]> ids, IReadOnlyList<int> groups, double[]? y, bool singletons, bool allZero, bool[] keep)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(keep);
        if (!AnyToDrop(ids, groups, y, singletons, allZero, keep))
        {
            return new FilterCounts(0, -1, 0, -1);
        }

        int singletonRows = 0;
        int zeroRows = 0;
        int singletonExample = -1;
        int zeroExample = -1;
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int q = 0; q < ids.Count; q++)
            {
                int[] id = ids[q];
                (int[] count, bool[] positive) = Counts(id, groups[q], y, keep);

                for (int i = 0; i < keep.Length; i++)
                {
                    if (!keep[i])
                    {
                        continue;
                    }

                    if (allZero && !positive[id[i]])
                    {
                        keep[i] = false;
                        zeroRows++;
                        zeroExample = zeroExample < 0 ? i : zeroExample;
                        changed = true;
                    }
                    else if (singletons && count[id[i]] == 1)
                    {
                        keep[i] = false;
                        singletonRows++;
                        singletonExample = singletonExample < 0 ? i : singletonExample;
                        changed = true;
                    }
                }
            }
        }

        return new FilterCounts(singletonRows, singletonExample, zeroRows, zeroExample);
    }

    /// <summary>
    /// Whether any kept row is a singleton or in an all-zero group of some set: one counting pass per set and a look
    /// at its groups (most samples lose nothing, and then the rounds above are not needed).
    /// </summary>
    private static bool AnyToDrop(IReadOnlyList<int[]> ids, IReadOnlyList<int> groups, double[]? y, bool singletons, bool allZero, bool[] keep)
    {
        if (!singletons && !allZero)
        {
            return false;
        }

        for (int q = 0; q < ids.Count; q++)
        {
            (int[] count, bool[] positive) = Counts(ids[q], groups[q], y, keep);
            for (int g = 0; g < count.Length; g++)
            {
                if ((singletons && count[g] == 1) || (allZero && count[g] > 0 && !positive[g]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Each group's kept rows, and whether any of them has y &gt; 0.</summary>
    private static (int[] Count, bool[] Positive) Counts(int[] id, int groups, double[]? y, bool[] keep)
    {
        var count = new int[groups];
        var positive = new bool[groups];
        for (int i = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                count[id[i]]++;
                positive[id[i]] |= y is not null && y[i] > 0.0;
            }
        }

        return (count, positive);
    }
}
