using System.Runtime.CompilerServices;

namespace TradeGrid.Numerics.Regression;

/// <summary>Numbers ids 0, 1, 2, ... in order of first appearance (entities, clusters).</summary>
internal static class DenseIds
{
    /// <summary>
    /// Writes each row's number into <paramref name="slot"/> and returns how many distinct ids there are. Ids in a range
    /// no wider than the rows (economy or pair numbers) go through an array instead of a dictionary.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Number(ReadOnlySpan<int> ids, int[] slot)
    {
        int n = ids.Length;
        if (n == 0)
        {
            return 0;
        }

        int min = int.MaxValue;
        int max = int.MinValue;
        foreach (int id in ids)
        {
            min = Math.Min(min, id);
            max = Math.Max(max, id);
        }

        if ((long)max - min < 4L * n + 1024)
        {
            var map = new int[max - min + 1];
            Array.Fill(map, -1);
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                int o = ids[i] - min;
                if (map[o] < 0)
                {
                    map[o] = count++;
                }

                slot[i] = map[o];
            }

            return count;
        }

        var index = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            if (!index.TryGetValue(ids[i], out int g))
            {
                g = index.Count;
                index.Add(ids[i], g);
            }

            slot[i] = g;
        }

        return index.Count;
    }
}
