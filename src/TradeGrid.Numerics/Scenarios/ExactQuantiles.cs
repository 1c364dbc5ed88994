namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// Exact sample quantiles of all the paths, R's type 7 (quantile()'s default, numpy's "linear"): with the values sorted,
/// Q(p) = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]), h = (n − 1)p. No sketch: the order statistics are found by
/// selection (quickselect, median-of-three), so the only error is the Monte
/// Carlo one, SE(Q̂(p)) ≈ √(p(1 − p)/n) / f(Q(p)). From 1,024 values the order statistics are found by counting in
/// buckets (<see cref="RankBuckets"/>: three passes and a sort of the few values in the buckets that hold the ranks);
/// else all the lower ranks are selected together (each selection splits the range for the others) and each upper rank
/// is the least value above its lower rank. NaN values (years a path could not make) are left out.
/// </summary>
public static class ExactQuantiles
{
    /// <summary>The type-7 quantiles of values (reordered in place) at each probability, in the order asked.</summary>
    public static double[] Type7InPlace(Span<double> values, ReadOnlySpan<double> probabilities)
    {
        int n = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                values[n++] = values[i];
            }
        }

        values = values[..n];
        var result = new double[probabilities.Length];
        if (n == 0)
        {
            Array.Fill(result, double.NaN);
            return result;
        }

        // The distinct lower ranks ⌊h⌋, ascending; each upper rank ⌊h⌋ + 1 is then the least value between its rank and the next.
        Span<int> ranks = probabilities.Length <= 64 ? stackalloc int[probabilities.Length] : new int[probabilities.Length];
        for (int q = 0; q < probabilities.Length; q++)
        {
            ranks[q] = (int)Math.Floor((n - 1) * probabilities[q]);
        }

        ranks.Sort();
        int distinct = 0;
        for (int q = 0; q < ranks.Length; q++)
        {
            if (distinct == 0 || ranks[q] != ranks[distinct - 1])
            {
                ranks[distinct++] = ranks[q];
            }
        }

        ranks = ranks[..distinct];
        if (n >= RankBuckets.MinValues)
        {
            Span<double> lower = distinct <= 64 ? stackalloc double[distinct] : new double[distinct];
            Span<double> upper = distinct <= 64 ? stackalloc double[distinct] : new double[distinct];
            if (RankBuckets.TrySelect(values, ranks, lower, upper))
            {
                for (int q = 0; q < probabilities.Length; q++)
                {
                    double h = (n - 1) * probabilities[q];
                    int t = ranks.BinarySearch((int)Math.Floor(h));
                    result[q] = lower[t] + (h - Math.Floor(h)) * (upper[t] - lower[t]);
                }

                return result;
            }
        }

        SelectAll(values, ranks, 0, n - 1);
        for (int q = 0; q < probabilities.Length; q++)
        {
            double h = (n - 1) * probabilities[q];
            int lo = (int)Math.Floor(h);
            int t = ranks.BinarySearch(lo);
            double a = values[lo];
            double b = a;
            if (lo + 1 < n)
            {
                int end = t + 1 < ranks.Length ? ranks[t + 1] : n - 1;
                b = values[lo + 1];
                for (int i = lo + 2; i <= end; i++)
                {
                    b = Math.Min(b, values[i]);
                }
            }

            result[q] = a + (h - lo) * (b - a);
        }

        return result;
    }

    /// <summary>Mean, SD (n − 1) and quantiles of the values (NaN left out; reordered in place by the quantiles).</summary>
    public static PathDistribution DistributionInPlace(Span<double> values, ReadOnlySpan<double> probabilities)
    {
        double sum = 0.0;
        int n = 0;
        for (int p = 0; p < values.Length; p++)
        {
            double v = values[p];
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
            }
        }

        double mean = n > 0 ? sum / n : double.NaN;
        double ss = 0.0;
        for (int p = 0; p < values.Length; p++)
        {
            double v = values[p];
            if (!double.IsNaN(v))
            {
                ss += (v - mean) * (v - mean);
            }
        }

        double sd = n > 1 ? Math.Sqrt(ss / (n - 1)) : double.NaN;
        return new PathDistribution(mean, sd, Type7InPlace(values, probabilities));
    }

    /// <summary>Puts each of the ranks (ascending) in its place in a[left..right]: the middle rank first, then the ranks on each side within their side.</summary>
    private static void SelectAll(Span<double> a, ReadOnlySpan<int> ranks, int left, int right)
    {
        while (ranks.Length > 0 && left <= right)
        {
            int mid = ranks.Length / 2;
            int r = ranks[mid];
            Select(a, left, right, r);
            SelectAll(a, ranks[..mid], left, r - 1);
            ranks = ranks[(mid + 1)..];
            left = r + 1;
        }
    }

    /// <summary>
    /// The value of rank r (0-based) of a[left..right] once sorted, with a[left..right] reordered around it. Each step
    /// moves the values below a median-of-three pivot to the front; when none is, the pivot's ties are set apart too, so
    /// ties cost nothing: a column of equal values (the difference in years no shock reaches) is two passes, not one
    /// pass per rank.
    /// </summary>
    private static double Select(Span<double> a, int left, int right, int r)
    {
        while (right > left)
        {
            double x = a[left];
            double y = a[left + (right - left) / 2];
            double z = a[right];
            double pivot = Math.Max(Math.Min(x, y), Math.Min(Math.Max(x, y), z));
            int below = Partition(a, left, right, pivot, orEqual: false);
            if (r < below)
            {
                right = below - 1;
                continue;
            }

            if (below > left)
            {
                left = below;
                continue;
            }

            // Nothing is below the pivot: set its ties apart (a column of equal values ends here).
            int equal = Partition(a, below, right, pivot, orEqual: true);
            if (r < equal)
            {
                return pivot;
            }

            left = equal;
        }

        return a[r];
    }

    /// <summary>
    /// Moves the values of a[from..to] below the pivot (or not above it) to the front, in one pass without a branch on
    /// the comparison (random data mispredicts half of them): a value that stays behind swaps with one that stayed
    /// behind before it. Returns the end of the front.
    /// </summary>
    private static int Partition(Span<double> a, int from, int to, double pivot, bool orEqual)
    {
        int store = from;
        if (orEqual)
        {
            for (int i = from; i <= to; i++)
            {
                double v = a[i];
                a[i] = a[store];
                a[store] = v;
                store += v <= pivot ? 1 : 0;
            }
        }
        else
        {
            for (int i = from; i <= to; i++)
            {
                double v = a[i];
                a[i] = a[store];
                a[store] = v;
                store += v < pivot ? 1 : 0;
            }
        }

        return store;
    }
}
