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

        int count = index.Count;
        var total = new double[count];
        var mean = new double[count];
        var constant = new bool[count];
        var first = new double[count];
        for (int i = 0; i < n; i++)
        {
            total[slot[i]] += weights.IsEmpty ? 1.0 : weights[i];
        }

        for (int j = 0; j <= k; j++)
        {
            Array.Clear(mean);
            Array.Fill(constant, true);
            var seen = new bool[count];
            for (int i = 0; i < n; i++)
            {
                int g = slot[i];
                double v = j < k ? x[i, j] : y[i];
                mean[g] += (weights.IsEmpty ? 1.0 : weights[i]) * v;
                if (!seen[g])
                {
                    seen[g] = true;
                    first[g] = v;
                }
                else if (v != first[g])
                {
                    constant[g] = false;
                }
            }

            for (int g = 0; g < count; g++)
            {
                mean[g] /= total[g];
            }

            for (int i = 0; i < n; i++)
            {
                int g = slot[i];
                if (j < k)
                {
                    x[i, j] = constant[g] ? 0.0 : x[i, j] - mean[g];
                }
                else
                {
                    y[i] = constant[g] ? 0.0 : y[i] - mean[g];
                }
            }
        }

        return count;
    }
}
