namespace TradeGrid.Numerics.Absorption;

/// <summary>
/// Group ids of fixed effects: dense numbering, interactions (a^b) and symmetric pairs. Ids within a range a few times
/// the number of rows (economy codes, years, their products) are numbered through an array indexed by the id; others
/// through a dictionary. Both number groups in order of first appearance.
/// </summary>
public static class EffectIds
{
    /// <summary>Ids numbered 0…G−1 in order of first appearance; <paramref name="groups"/> is G.</summary>
    public static int[] Dense(ReadOnlySpan<int> ids, out int groups)
    {
        var dense = new int[ids.Length];
        if (ids.Length == 0)
        {
            groups = 0;
            return dense;
        }

        int min = int.MaxValue;
        int max = int.MinValue;
        foreach (int id in ids)
        {
            min = Math.Min(min, id);
            max = Math.Max(max, id);
        }

        long range = (long)max - min + 1;
        if (range <= MapLimit(ids.Length))
        {
            var map = new int[range];
            int count = 0;
            for (int i = 0; i < ids.Length; i++)
            {
                ref int slot = ref map[ids[i] - min];
                if (slot == 0)
                {
                    slot = ++count;
                }

                dense[i] = slot - 1;
            }

            groups = count;
            return dense;
        }

        var lookup = new Dictionary<int, int>();
        for (int i = 0; i < ids.Length; i++)
        {
            if (!lookup.TryGetValue(ids[i], out int d))
            {
                d = lookup.Count;
                lookup[ids[i]] = d;
            }

            dense[i] = d;
        }

        groups = lookup.Count;
        return dense;
    }

    /// <summary>
    /// <paramref name="ids"/> themselves when they are already numbered 0…G−1 in order of first appearance (what
    /// <see cref="Dense"/> and <see cref="Interact"/> return), else <see cref="Dense"/> of them: one pass and no copy
    /// for ids built by this class. Callers only read the result.
    /// </summary>
    public static int[] Numbered(int[] ids, out int groups)
    {
        ArgumentNullException.ThrowIfNull(ids);
        int next = 0;
        foreach (int id in ids)
        {
            if ((uint)id > (uint)next)
            {
                return Dense(ids, out groups);
            }

            next += id == next ? 1 : 0;
        }

        groups = next;
        return ids;
    }

    /// <summary>One group per distinct (a, b): the interaction a^b (e.g. reporter^year).</summary>
    public static int[] Interact(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"{a.Length} and {b.Length} ids: both need one per row.", nameof(b));
        }

        (int minA, long rangeA) = Range(a);
        (int minB, long rangeB) = Range(b);
        if (rangeA * rangeB <= MapLimit(a.Length))
        {
            // Numbered in the same pass as the pair's slot is found: no array of combined ids.
            var slots = new int[rangeA * rangeB];
            var numbered = new int[a.Length];
            int count = 0;
            for (int i = 0; i < a.Length; i++)
            {
                ref int slot = ref slots[(a[i] - minA) * rangeB + (b[i] - minB)];
                if (slot == 0)
                {
                    slot = ++count;
                }

                numbered[i] = slot - 1;
            }

            return numbered;
        }

        var map = new Dictionary<(int, int), int>();
        var ids = new int[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            if (!map.TryGetValue((a[i], b[i]), out int d))
            {
                d = map.Count;
                map[(a[i], b[i])] = d;
            }

            ids[i] = d;
        }

        return ids;
    }

    /// <summary>One group per unordered pair {a, b}: i→j and j→i share it (the symmetric pair effect).</summary>
    public static int[] Symmetric(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var lo = new int[a.Length];
        var hi = new int[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            lo[i] = Math.Min(a[i], b[i]);
            hi[i] = Math.Max(a[i], b[i]);
        }

        return Interact(lo, hi);
    }

    /// <summary>The largest id range numbered through an array: four ints per row, at least 64k.</summary>
    private static long MapLimit(int rows) => 4L * rows + 65_536;

    private static (int Min, long Range) Range(ReadOnlySpan<int> ids)
    {
        if (ids.Length == 0)
        {
            return (0, 1);
        }

        int min = int.MaxValue;
        int max = int.MinValue;
        foreach (int id in ids)
        {
            min = Math.Min(min, id);
            max = Math.Max(max, id);
        }

        return (min, (long)max - min + 1);
    }
}
