using TradeGrid.Domain;

namespace TradeGrid.Numerics.Absorption;

/// <summary>The rows of a fit after dropping: y, regressor columns, dense effect ids and clusters restricted to the used rows.</summary>
internal sealed record AbsorbedSample(int[] Used, double[] Y, double[][] Columns, int[][] Ids, int[] Groups, EffectDimension[] Clusters)
{
    public const int MaxEffectSets = 4;

    public static void Check(double[] y, double[][] columns, IReadOnlyList<string> names, IReadOnlyList<EffectDimension> effects)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(effects);
        if (names.Count != columns.Length)
        {
            throw new ArgumentException($"{names.Count} names for {columns.Length} columns.", nameof(names));
        }

        if (effects.Count > MaxEffectSets)
        {
            throw new InvalidSpecException($"{effects.Count} sets of fixed effects: at most {MaxEffectSets}; combine sets with ^ (e.g. reporter^year).");
        }

        foreach (double[] c in columns)
        {
            if (c.Length != y.Length)
            {
                throw new ArgumentException($"A column has {c.Length} rows, y has {y.Length}.", nameof(columns));
            }
        }

        foreach (EffectDimension e in effects)
        {
            if (e.Ids.Length != y.Length)
            {
                throw new ArgumentException($"Effect {e.Name} has {e.Ids.Length} ids, y has {y.Length} rows.", nameof(effects));
            }
        }

        if (y.Length == 0)
        {
            throw new InsufficientDataException("The sample is empty: no rows have all the variables; widen the sample (economies, partners, years).");
        }
    }

    /// <summary>
    /// The kept rows; when every row is kept, the inputs themselves (a fit never writes into them). <paramref name="ids"/>
    /// are each set's ids numbered 0…G−1 (<see cref="EffectIds.Numbered"/>) with <paramref name="groups"/> groups.
    /// </summary>
    public static AbsorbedSample Select(
        bool[] keep, double[] y, double[][] columns, IReadOnlyList<int[]> ids, IReadOnlyList<int> groups, IReadOnlyList<EffectDimension>? clusters)
    {
        int kept = 0;
        foreach (bool k in keep)
        {
            kept += k ? 1 : 0;
        }

        bool all = kept == keep.Length;
        var used = new int[kept];
        for (int i = 0, at = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                used[at++] = i;
            }
        }

        int[] Pick(int[] values) => all ? values : Array.ConvertAll(used, i => values[i]);
        double[] PickValues(double[] values) => all ? values : Array.ConvertAll(used, i => values[i]);
        var keptGroups = new int[ids.Count];
        int[][] keptIds = ids.Select((set, q) =>
        {
            if (all)
            {
                keptGroups[q] = groups[q];
                return set;
            }

            int[] dense = EffectIds.Dense(Pick(set), out int g);
            keptGroups[q] = g;
            return dense;
        }).ToArray();
        return new AbsorbedSample(
            used,
            PickValues(y),
            columns.Select(PickValues).ToArray(),
            keptIds,
            keptGroups,
            (clusters ?? []).Select(c => new EffectDimension(c.Name, Pick(c.Ids))).ToArray());
    }
}
