using TradeGrid.Domain;

namespace TradeGrid.Numerics.Describe;

/// <summary>
/// Sum, mean, median and weighted mean of an indicator over a group, split for computation next to the data:
/// each member builds a <see cref="GroupPartial"/> from its own series (<see cref="Partial"/>), partials are merged in any
/// order or tree (<see cref="Merge"/>), and a coordinator finishes the statistics (<see cref="Combine"/>). Because every
/// field of a partial is a sum or a bag of values, the result does not depend on how the members were split
/// (up to the order of floating-point additions).
/// </summary>
public static class GroupAggregation
{
    /// <summary>
    /// One member's partial for <paramref name="years"/>. All arrays are aligned with <paramref name="years"/>
    /// (see <see cref="SeriesPair.At"/>); NaN means missing.
    /// </summary>
    /// <param name="years">The years asked, strictly ascending; the same for every member of the request.</param>
    /// <param name="values">The member's indicator.</param>
    /// <param name="weights">Weights for the weighted mean (e.g. GDP or population), or null when no weighted mean is asked.</param>
    /// <param name="gdp">The member's GDP for the coverage, or null when no coverage is asked.</param>
    /// <param name="inGroup">Whether the economy belongs to the group in each year; null means every year.</param>
    public static GroupPartial Partial(int[] years, double[] values, double[]? weights, double[]? gdp, bool[]? inGroup)
    {
        SeriesGuard.Years(years, nameof(years));
        SeriesGuard.SameLength(years, values, nameof(values));
        if (weights is not null)
        {
            SeriesGuard.SameLength(years, weights, nameof(weights));
        }
        if (gdp is not null)
        {
            SeriesGuard.SameLength(years, gdp, nameof(gdp));
        }
        if (inGroup is not null && inGroup.Length != years.Length)
        {
            throw new ArgumentException($"inGroup has {inGroup.Length} entries for {years.Length} years.", nameof(inGroup));
        }

        int n = years.Length;
        GroupPartial partial = Empty(years);
        for (int t = 0; t < n; t++)
        {
            if (inGroup is not null && !inGroup[t])
            {
                continue;
            }
            partial.Members[t] = 1;
            double memberGdp = gdp is null ? double.NaN : gdp[t];
            if (!double.IsNaN(memberGdp))
            {
                partial.MemberGdp[t] = memberGdp;
            }
            double x = values[t];
            if (double.IsNaN(x))
            {
                continue;
            }
            partial.Present[t] = 1;
            partial.Sum[t] = x;
            partial.Values[t] = [x];
            if (!double.IsNaN(memberGdp))
            {
                partial.PresentGdp[t] = memberGdp;
            }
            double w = weights is null ? double.NaN : weights[t];
            if (!double.IsNaN(w))
            {
                partial.WeightedSum[t] = w * x;
                partial.WeightSum[t] = w;
            }
        }
        return partial;
    }

    /// <summary>The partial of the union of two disjoint sets of members (associative and commutative up to rounding).</summary>
    public static GroupPartial Merge(GroupPartial first, GroupPartial second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!first.Years.AsSpan().SequenceEqual(second.Years))
        {
            throw new ArgumentException("Partials cover different years; build every member's partial for the same years.", nameof(second));
        }

        int n = first.Years.Length;
        GroupPartial merged = Empty(first.Years);
        for (int t = 0; t < n; t++)
        {
            merged.Members[t] = first.Members[t] + second.Members[t];
            merged.Present[t] = first.Present[t] + second.Present[t];
            merged.Sum[t] = first.Sum[t] + second.Sum[t];
            merged.WeightedSum[t] = first.WeightedSum[t] + second.WeightedSum[t];
            merged.WeightSum[t] = first.WeightSum[t] + second.WeightSum[t];
            merged.PresentGdp[t] = first.PresentGdp[t] + second.PresentGdp[t];
            merged.MemberGdp[t] = first.MemberGdp[t] + second.MemberGdp[t];
            merged.Values[t] = [.. first.Values[t], .. second.Values[t]];
        }
        return merged;
    }

    /// <summary>The group's statistics per year from its members' partials.</summary>
    /// <param name="group">The group's code, for messages ("RCEP").</param>
    /// <param name="partials">One partial per member (or merged partials of disjoint members), all for the same years.</param>
    /// <exception cref="InsufficientDataException">A year in which no member of the group has a value.</exception>
    public static GroupAggregate Combine(string group, IReadOnlyList<GroupPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 0)
        {
            throw new ArgumentException("At least one partial is needed.", nameof(partials));
        }

        GroupPartial all = MergeAll(partials);
        int[] empty = all.Years.Where((_, t) => all.Present[t] == 0).ToArray();
        if (empty.Length > 0)
        {
            throw new InsufficientDataException(
                $"No member of {SeriesGuard.Label(group)} has a value in {string.Join(", ", empty)}; drop {(empty.Length == 1 ? "that year" : "those years")} or fill the members' series first.");
        }

        int n = all.Years.Length;
        var mean = new double[n];
        var median = new double[n];
        var weighted = new double[n];
        var coverage = new double[n];
        for (int t = 0; t < n; t++)
        {
            mean[t] = all.Sum[t] / all.Present[t];
            median[t] = Median(all.Values[t]);
            // A zero weight sum means no present member had a weight: there is no weighted mean, not a 0/0 to hide.
            weighted[t] = all.WeightSum[t] != 0.0 ? all.WeightedSum[t] / all.WeightSum[t] : double.NaN;
            coverage[t] = all.MemberGdp[t] > 0.0 ? 100.0 * all.PresentGdp[t] / all.MemberGdp[t] : double.NaN;
        }
        return new GroupAggregate(all.Years, all.Sum, mean, median, weighted, all.Present, all.Members, coverage);
    }

    /// <summary>One pass over all partials: pairwise merging would copy the median's values once per member.</summary>
    private static GroupPartial MergeAll(IReadOnlyList<GroupPartial> partials)
    {
        int[] years = partials[0].Years;
        int n = years.Length;
        GroupPartial all = Empty(years);
        var values = new List<double>[n];
        for (int t = 0; t < n; t++)
        {
            values[t] = [];
        }
        foreach (GroupPartial p in partials)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(partials));
            if (!years.AsSpan().SequenceEqual(p.Years))
            {
                throw new ArgumentException("Partials cover different years; build every member's partial for the same years.", nameof(partials));
            }
            for (int t = 0; t < n; t++)
            {
                all.Members[t] += p.Members[t];
                all.Present[t] += p.Present[t];
                all.Sum[t] += p.Sum[t];
                all.WeightedSum[t] += p.WeightedSum[t];
                all.WeightSum[t] += p.WeightSum[t];
                all.PresentGdp[t] += p.PresentGdp[t];
                all.MemberGdp[t] += p.MemberGdp[t];
                values[t].AddRange(p.Values[t]);
            }
        }
        for (int t = 0; t < n; t++)
        {
            all.Values[t] = [.. values[t]];
        }
        return all;
    }

    private static GroupPartial Empty(int[] years)
    {
        int n = years.Length;
        var values = new double[n][];
        Array.Fill(values, []);
        return new GroupPartial(years, new int[n], new int[n], new double[n], new double[n], new double[n], new double[n], new double[n], values);
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values];
        Array.Sort(sorted);
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }
}
