using TradeGrid.Numerics.Panel;

namespace TradeGrid.Numerics.Poisson;

/// <summary>
/// Regressor separation for PPML, in rounds a coordinator can run over blocks: each block reports a
/// <see cref="SeparationPart"/>, the coordinator combines them, each block drops its rows that the combined part
/// marks as separated, and the round repeats until no column separates (ppmlhdfe iterates likewise). Entities
/// whose y is all zero are left out here; <see cref="Ppml"/> drops them itself.
/// </summary>
public static class PoissonSeparation
{
    /// <summary>The block's evidence over its rows.</summary>
    public static SeparationPart Local(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec) =>
        SeparationEvidence.Of(new PoissonBlock(x, y, entity, year, spec));

    /// <summary>The sample's evidence: element-wise extremes of the blocks'.</summary>
    public static SeparationPart Combine(IReadOnlyList<SeparationPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        int k = parts.Count == 0 ? 0 : parts[0].PositiveMin.Length;
        var total = new SeparationPart(Fill(k, double.PositiveInfinity), Fill(k, double.NegativeInfinity),
            Fill(k, double.PositiveInfinity), Fill(k, double.NegativeInfinity));
        foreach (SeparationPart part in parts)
        {
            for (int j = 0; j < k; j++)
            {
                total.PositiveMin[j] = Math.Min(total.PositiveMin[j], part.PositiveMin[j]);
                total.PositiveMax[j] = Math.Max(total.PositiveMax[j], part.PositiveMax[j]);
                total.ZeroMin[j] = Math.Min(total.ZeroMin[j], part.ZeroMin[j]);
                total.ZeroMax[j] = Math.Max(total.ZeroMax[j], part.ZeroMax[j]);
            }
        }

        return total;
    }

    /// <summary>Design columns (year dummies first, then slopes) that separate, by the combined evidence.</summary>
    public static int[] Separating(SeparationPart combined)
    {
        ArgumentNullException.ThrowIfNull(combined);
        var columns = new List<int>();
        for (int j = 0; j < combined.PositiveMin.Length; j++)
        {
            double c = combined.PositiveMin[j];
            if (c != combined.PositiveMax[j] || !double.IsFinite(c) || !double.IsFinite(combined.ZeroMin[j]))
            {
                continue;
            }

            double low = combined.ZeroMin[j] - c;
            double high = combined.ZeroMax[j] - c;
            if ((low >= 0.0 && high > 0.0) || (high <= 0.0 && low < 0.0))
            {
                columns.Add(j);
            }
        }

        return columns.ToArray();
    }

    /// <summary>The block's rows (indices into its input) that the combined evidence marks as separated: y = 0, off the constant.</summary>
    public static int[] Rows(double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec, SeparationPart combined)
    {
        var block = new PoissonBlock(x, y, entity, year, spec);
        var separated = new SortedSet<int>();
        double[] center = new double[block.Y.Length];
        foreach (int j in Separating(combined))
        {
            Centers(block, j, center);
            for (int i = 0; i < block.Y.Length; i++)
            {
                if (block.Y[i] == 0.0 && block.Value(i, j) - center[i] != combined.PositiveMin[j])
                {
                    separated.Add(block.Kept[i]);
                }
            }
        }

        return separated.ToArray();
    }

    /// <summary>
    /// One process's rounds: the rows kept (indices into the input), the rows dropped for regressor separation, the
    /// slope columns that separated (constant on the kept rows, so they go too), and a note per round; when no row was
    /// dropped, <paramref name="unseparated"/> is the block of all the caller's rows, ready for the iterations.
    /// </summary>
    internal static (int[] Kept, int[] Dropped, int[] Slopes, List<string> Notes) Resolve(
        double[,] x, double[] y, int[] entity, int[] year, PanelSpec spec, IReadOnlyList<string> names, out PoissonBlock? unseparated)
    {
        unseparated = null;
        int[] kept = Enumerable.Range(0, y.Length).ToArray();
        var dropped = new List<int>();
        var slopes = new SortedSet<int>();
        var notes = new List<string>();
        string[] design = spec.DesignNames(names);
        while (true)
        {
            // The caller's arrays while nothing is dropped: a round that finds no separation copies nothing.
            bool all = kept.Length == y.Length;
            double[,] bx = all ? x : Regression.Rows.Take(x, kept);
            double[] by = all ? y : Regression.Rows.Take(y, kept);
            int[] be = all ? entity : Regression.Rows.Take(entity, kept);
            int[] bt = all ? year : Regression.Rows.Take(year, kept);
            var block = new PoissonBlock(bx, by, be, bt, spec);
            SeparationPart part = SeparationEvidence.Of(block);
            int[] columns = Separating(part);
            if (columns.Length == 0)
            {
                // Nothing separates: the fit can use this block of the caller's rows as it is.
                unseparated = all ? block : null;
                break;
            }

            int[] rows = Rows(bx, by, be, bt, spec, part);
            if (rows.Length == 0)
            {
                break;
            }

            notes.Add($"{rows.Length} rows with y = 0 dropped: [{string.Join(", ", columns.Select(j => design[j]))}] separate them "
                + "from the positive rows (their coefficient would diverge); those columns are dropped too.");
            foreach (int j in columns.Where(j => j >= spec.YearDummies))
            {
                slopes.Add(j - spec.YearDummies);
            }

            HashSet<int> gone = rows.Select(i => kept[i]).ToHashSet();
            dropped.AddRange(gone);
            kept = kept.Where(i => !gone.Contains(i)).ToArray();
        }

        dropped.Sort();
        return (kept, dropped.ToArray(), slopes.ToArray(), notes);
    }

    /// <summary>Per row, the column's value on the first y &gt; 0 row of its entity (0 without entity effects).</summary>
    private static void Centers(PoissonBlock block, int j, double[] center)
    {
        Array.Clear(center);
        if (!block.Spec.EntityEffects)
        {
            return;
        }

        var value = new Dictionary<int, double>();
        for (int i = 0; i < block.Y.Length; i++)
        {
            if (block.Y[i] > 0.0)
            {
                value.TryAdd(block.Entity[i], block.Value(i, j));
            }
        }

        for (int i = 0; i < block.Y.Length; i++)
        {
            center[i] = value[block.Entity[i]];
        }
    }

    private static double[] Fill(int k, double value) => Enumerable.Repeat(value, k).ToArray();
}
