namespace TradeGrid.Numerics.Panel;

/// <summary>
/// The within transformation: subtract each group's (weighted) mean from its rows. Every group lies inside one block
/// (an economy's rows, or a pair's, which belong to the reporter's economy), so this runs where the data lives.
/// </summary>
public static class WithinTransform
{
    /// <summary>
    /// Demeans the columns of <paramref name="x"/> and <paramref name="y"/> within groups, in place, with optional
    /// weights (PPML's μ). A column constant within a group becomes exactly zero there, not a rounding residue, so a
    /// regressor that never varies within groups is recognised as collinear with the effects. Returns the group count.
    /// </summary>
    public static int DemeanInPlace(double[,] x, Span<double> y, ReadOnlySpan<int> groups, ReadOnlySpan<double> weights = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.GetLength(0);
        int k = x.GetLength(1);
        if (y.Length != n || groups.Length != n || (!weights.IsEmpty && weights.Length != n))
        {
            throw new ArgumentException($"x has {n} rows; y, groups and weights must match.", nameof(groups));
        }

        var index = new Dictionary<int, int>();
        var slot = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (!index.TryGetValue(groups[i], out int g))
            {
                g = index.Count;
                index.Add(groups[i], g);
            }

            slot[i] = g;
        }

        // One row-major pass accumulates every column's group sums, a second subtracts them: the design is read in
        // its storage order, not once per column.
        int count = index.Count;
        int width = k + 1;
        var total = new double[count];
        var mean = new double[count * width];
        var first = new double[count * width];
        var constant = new bool[count * width];
        var seen = new bool[count];
        for (int i = 0; i < n; i++)
        {
            int g = slot[i];
            double w = weights.IsEmpty ? 1.0 : weights[i];
            total[g] += w;
            int o = g * width;
            for (int j = 0; j <= k; j++)
            {
                double v = j < k ? x[i, j] : y[i];
                mean[o + j] += w * v;
                if (!seen[g])
                {
                    first[o + j] = v;
                    constant[o + j] = true;
                }
                else if (v != first[o + j])
                {
                    constant[o + j] = false;
                }
            }

            seen[g] = true;
        }

        for (int g = 0; g < count; g++)
        {
            for (int j = 0; j <= k; j++)
            {
                mean[g * width + j] /= total[g];
            }
        }

        for (int i = 0; i < n; i++)
        {
            int o = slot[i] * width;
            for (int j = 0; j < k; j++)
            {
                x[i, j] = constant[o + j] ? 0.0 : x[i, j] - mean[o + j];
            }

            y[i] = constant[o + k] ? 0.0 : y[i] - mean[o + k];
        }

        return count;
    }
}
