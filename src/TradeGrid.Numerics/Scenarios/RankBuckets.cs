using System.Runtime.Intrinsics;

namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// Order statistics of many values by counting instead of partitioning: one pass finds the range, one counts the
/// values in equal-width buckets of it, one copies out the values of the few buckets that hold the ranks asked, and
/// only those are sorted. The bucket of x, ⌊(x − min)·scale⌋, never decreases as x grows (IEEE subtraction,
/// multiplication by a positive number and truncation are monotone), so a rank's bucket and its place in it are exact:
/// the values returned are the order statistics themselves, as a full sort would give them.
/// </summary>
internal static class RankBuckets
{
    /// <summary>Below this many values selection by partitioning is as fast.</summary>
    public const int MinValues = 1024;

    /// <summary>
    /// The values of rank r and r + 1 (0-based, the latter clamped to n − 1) for each r of <paramref name="ranks"/>
    /// (ascending), into lower and upper. False, with nothing written, when the values' range is not finite and
    /// positive (infinite values, all equal): the caller selects by partitioning.
    /// </summary>
    public static bool TrySelect(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, Span<double> lower, Span<double> upper)
    {
        int n = values.Length;
        (double min, double max) = Range(values);
        double scale = 0.0;
        int buckets = Math.Clamp((int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)n / 8), 64, 2048);
        if (double.IsFinite(min) && double.IsFinite(max) && max > min)
        {
            scale = buckets / (max - min);
        }

        if (!(scale > 0.0) || !double.IsFinite(scale))
        {
            return false;
        }

        Span<int> counts = stackalloc int[buckets + 1];
        counts.Clear();
        foreach (double x in values)
        {
            counts[Bucket(x, min, scale, buckets)]++;
        }

        // counts → the number of values in the buckets before each; mark the buckets holding a rank asked or the next one.
        Span<byte> wanted = stackalloc byte[buckets];
        wanted.Clear();
        int before = 0;
        for (int b = 0; b < buckets; b++)
        {
            (counts[b], before) = (before, before + counts[b]);
        }

        counts[buckets] = n;
        foreach (int r in ranks)
        {
            wanted[BucketOfRank(counts, r)] = 1;
            wanted[BucketOfRank(counts, Math.Min(r + 1, n - 1))] = 1;
        }

        // Where each wanted bucket's values start among the values picked.
        Span<int> offsets = stackalloc int[buckets];
        int picked = 0;
        for (int b = 0; b < buckets; b++)
        {
            offsets[b] = picked;
            picked += wanted[b] == 0 ? 0 : counts[b + 1] - counts[b];
        }

        double[] union = new double[picked];
        int at = 0;
        foreach (double x in values)
        {
            if (wanted[Bucket(x, min, scale, buckets)] != 0)
            {
                union[at++] = x;
            }
        }

        Array.Sort(union);
        for (int i = 0; i < ranks.Length; i++)
        {
            lower[i] = union[Place(counts, offsets, ranks[i])];
            upper[i] = union[Place(counts, offsets, Math.Min(ranks[i] + 1, n - 1))];
        }

        return true;
    }

    private static int Bucket(double x, double min, double scale, int buckets) => Math.Min((int)((x - min) * scale), buckets - 1);

    /// <summary>The bucket b with starts[b] ≤ r &lt; starts[b + 1].</summary>
    private static int BucketOfRank(ReadOnlySpan<int> starts, int r)
    {
        int b = starts[..^1].BinarySearch(r);
        if (b < 0)
        {
            return ~b - 1;
        }

        while (b + 1 < starts.Length - 1 && starts[b + 1] == r)
        {
            b++; // empty buckets start where the next one does: the rank is in the last of them, the one that holds values
        }

        return b;
    }

    /// <summary>Where rank r sits among the sorted values of the wanted buckets.</summary>
    private static int Place(ReadOnlySpan<int> starts, ReadOnlySpan<int> offsets, int r)
    {
        int bucket = BucketOfRank(starts, r);
        return offsets[bucket] + r - starts[bucket];
    }

    private static (double Min, double Max) Range(ReadOnlySpan<double> values)
    {
        int i = 0;
        var min = Vector256.Create(double.PositiveInfinity);
        var max = Vector256.Create(double.NegativeInfinity);
        for (; i + Vector256<double>.Count <= values.Length; i += Vector256<double>.Count)
        {
            Vector256<double> v = Vector256.Create(values[i..]);
            (min, max) = (Vector256.Min(min, v), Vector256.Max(max, v));
        }

        double lo = double.PositiveInfinity;
        double hi = double.NegativeInfinity;
        for (int l = 0; l < Vector256<double>.Count; l++)
        {
            (lo, hi) = (Math.Min(lo, min[l]), Math.Max(hi, max[l]));
        }

        for (; i < values.Length; i++)
        {
            (lo, hi) = (Math.Min(lo, values[i]), Math.Max(hi, values[i]));
        }

        return (lo, hi);
    }
}
