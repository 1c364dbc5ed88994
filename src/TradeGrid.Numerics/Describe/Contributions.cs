using TradeGrid.Domain;

namespace TradeGrid.Numerics.Describe;

/// <summary>
/// Members' contributions to the growth of a group total (ITC Global Digital Trade Report 2025, ch. 1, Figure 6):
/// share of the change Δx_i / ΔT × 100, and percentage points of the growth rate Δx_i / T_from × 100.
/// </summary>
public static class Contributions
{
    /// <summary>
    /// Contributions of each member between <paramref name="from"/> and <paramref name="to"/>.
    /// Without published totals the total is the sum over the members present in <em>both</em> years, so that the
    /// total's change is exactly the sum of the members' changes (a member appearing only at one end would otherwise
    /// count as growth). With published totals (both or neither), members' shares need not add to 100: the rest is
    /// the members outside the list.
    /// </summary>
    /// <param name="group">The group's code, for messages.</param>
    /// <param name="from">Start year.</param>
    /// <param name="to">End year, after <paramref name="from"/>.</param>
    /// <param name="economies">Member codes, aligned with the two value arrays.</param>
    /// <param name="fromValues">Each member's value in <paramref name="from"/> (NaN when missing).</param>
    /// <param name="toValues">Each member's value in <paramref name="to"/> (NaN when missing).</param>
    /// <param name="publishedFrom">A published total for <paramref name="from"/>, or null to use the members' sum.</param>
    /// <param name="publishedTo">A published total for <paramref name="to"/>, or null to use the members' sum.</param>
    /// <exception cref="InvalidSpecException">from ≥ to, or only one published total, or a published total ≤ 0.</exception>
    /// <exception cref="InsufficientDataException">No member has a value in both years (without published totals).</exception>
    public static ContributionTable Between(
        string group,
        int from,
        int to,
        string[] economies,
        double[] fromValues,
        double[] toValues,
        double? publishedFrom = null,
        double? publishedTo = null)
    {
        ArgumentNullException.ThrowIfNull(economies);
        SeriesGuard.SameLength(fromValues, toValues, nameof(toValues));
        if (economies.Length != fromValues.Length)
        {
            throw new ArgumentException($"{economies.Length} economies for {fromValues.Length} values.", nameof(economies));
        }
        if (from >= to)
        {
            throw new InvalidSpecException($"from ({from}) must be before to ({to}); swap or widen the years.");
        }
        if (publishedFrom.HasValue != publishedTo.HasValue)
        {
            throw new InvalidSpecException($"Give the published total of {SeriesGuard.Label(group)} for both {from} and {to}, or for neither.");
        }

        int n = economies.Length;
        var change = new double[n];
        double sumFrom = 0.0;
        double sumTo = 0.0;
        int both = 0;
        for (int i = 0; i < n; i++)
        {
            change[i] = toValues[i] - fromValues[i];
            if (!double.IsNaN(change[i]))
            {
                sumFrom += fromValues[i];
                sumTo += toValues[i];
                both++;
            }
        }

        double totalFrom = publishedFrom ?? sumFrom;
        double totalTo = publishedTo ?? sumTo;
        if (publishedFrom.HasValue && !(totalFrom > 0.0 && totalTo > 0.0))
        {
            throw new InvalidSpecException($"Published totals of {SeriesGuard.Label(group)} must be positive; got {totalFrom} in {from} and {totalTo} in {to}.");
        }
        if (!publishedFrom.HasValue && both == 0)
        {
            throw new InsufficientDataException($"No member of {SeriesGuard.Label(group)} has values in both {from} and {to}; choose other years.");
        }
        if (!publishedFrom.HasValue && totalFrom == 0.0)
        {
            throw new InsufficientDataException($"The members of {SeriesGuard.Label(group)} present in both years sum to 0 in {from}; no growth rate exists.");
        }

        double totalChange = totalTo - totalFrom;
        var shareOfChange = new double[n];
        var points = new double[n];
        for (int i = 0; i < n; i++)
        {
            shareOfChange[i] = totalChange != 0.0 ? 100.0 * change[i] / totalChange : double.NaN;
            points[i] = 100.0 * change[i] / totalFrom;
        }
        return new ContributionTable(from, to, totalFrom, totalTo, 100.0 * (totalTo / totalFrom - 1.0), economies, change, shareOfChange, points);
    }
}
