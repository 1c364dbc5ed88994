namespace TradeGrid.Numerics.Absorption;

/// <summary>Group ids of fixed effects: dense numbering, interactions (a^b) and symmetric pairs.</summary>
public static class EffectIds
{
    /// <summary>Ids numbered 0…G−1 in order of first appearance; <paramref name="groups"/> is G.</summary>
    public static int[] Dense(ReadOnlySpan<int> ids, out int groups)
    {
        var map = new Dictionary<int, int>();
        var dense = new int[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            if (!map.TryGetValue(ids[i], out int d))
            {
                d = map.Count;
                map[ids[i]] = d;
            }

            dense[i] = d;
        }

        groups = map.Count;
        return dense;
    }

    /// <summary>One group per distinct (a, b): the interaction a^b (e.g. reporter^year).</summary>
    public static int[] Interact(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"{a.Length} and {b.Length} ids: both need one per row.", nameof(b));
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
}
