namespace TradeGrid.Numerics.Scenarios;

/// <summary>
/// Exact sample quantiles of all the paths, R's type 7 (quantile()'s default, numpy's "linear"): with the values sorted,
/// Q(p) = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]), h = (n − 1)p. No sketch: the order statistics are found by
/// selection (Hoare's quickselect, median-of-three, narrowing the range rank by rank), so the only error is the Monte
/// Carlo one, SE(Q̂(p)) ≈ √(p(1 − p)/n) / f(Q(p)). NaN values (years a path could not make) are left out.
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

        // Ranks needed (⌊h⌋ and ⌊h⌋ + 1 of each probability), ascending: each selection narrows the range of the next.
        var ranks = new SortedSet<int>();
        foreach (double p in probabilities)
        {
            double h = (n - 1) * p;
            int lo = (int)Math.Floor(h);
            ranks.Add(lo);
            ranks.Add(Math.Min(lo + 1, n - 1));
        }

        var order = new Dictionary<int, double>();
        int left = 0;
        foreach (int r in ranks)
        {
            order[r] = Select(values, left, n - 1, r);
            left = r + 1;
        }

        for (int q = 0; q < probabilities.Length; q++)
        {
            double h = (n - 1) * probabilities[q];
            int lo = (int)Math.Floor(h);
            double a = order[lo];
            double b = order[Math.Min(lo + 1, n - 1)];
            result[q] = a + (h - lo) * (b - a);
        }

        return result;
    }

    /// <summary>Mean, SD and quantiles of column h of a path block (row-major [path, year]); the column is copied to scratch.</summary>
    public static PathDistribution Column(ReadOnlySpan<double> block, int years, int h, ReadOnlySpan<double> probabilities, Span<double> scratch)
    {
        int paths = block.Length / years;
        double sum = 0.0;
        int n = 0;
        for (int p = 0; p < paths; p++)
        {
            double v = block[p * years + h];
            scratch[p] = v;
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
            }
        }

        double mean = n > 0 ? sum / n : double.NaN;
        double ss = 0.0;
        for (int p = 0; p < paths; p++)
        {
            double v = scratch[p];
            if (!double.IsNaN(v))
            {
                ss += (v - mean) * (v - mean);
            }
        }

        double sd = n > 1 ? Math.Sqrt(ss / (n - 1)) : double.NaN;
        return new PathDistribution(mean, sd, Type7InPlace(scratch[..paths], probabilities));
    }

    /// <summary>The value of rank r (0-based) of a[left..right] once sorted, with a[left..right] reordered around it.</summary>
    private static double Select(Span<double> a, int left, int right, int r)
    {
        while (right > left)
        {
            int mid = left + (right - left) / 2;
            // Median of three as the pivot, moved to the right end.
            if (a[mid] < a[left])
            {
                (a[mid], a[left]) = (a[left], a[mid]);
            }

            if (a[right] < a[left])
            {
                (a[right], a[left]) = (a[left], a[right]);
            }

            if (a[mid] < a[right])
            {
                (a[mid], a[right]) = (a[right], a[mid]);
            }

            double pivot = a[right];
            int store = left;
            for (int i = left; i < right; i++)
            {
                if (a[i] < pivot)
                {
                    (a[i], a[store]) = (a[store], a[i]);
                    store++;
                }
            }

            (a[store], a[right]) = (a[right], a[store]);
            if (store == r)
            {
                return a[store];
            }

            if (store < r)
            {
                left = store + 1;
            }
            else
            {
                right = store - 1;
            }
        }

        return a[r];
    }
}
