namespace TradeGrid.Numerics.Describe;

/// <summary>An economy's (or a set of economies') share of a group or world total, per year.</summary>
public static class Share
{
    /// <summary>
    /// 100 × x_t / total_t. The total is either the group's sum over its members present
    /// (<see cref="GroupAggregate.Sum"/>) or a published aggregate (e.g. WLD's own figure), as the request says;
    /// for several economies pass the sum of their values (merge their partials). NaN where either is missing or the total is 0.
    /// </summary>
    public static double[] Percent(double[] values, double[] totals)
    {
        double[] ratio = SeriesPair.Ratio(values, totals);
        for (int i = 0; i < ratio.Length; i++)
        {
            ratio[i] *= 100.0;
        }
        return ratio;
    }
}
