namespace TradeGrid.Numerics.Describe;

/// <summary>
/// A group's aggregate per year, always with its coverage so the user sees what a total rests on.
/// </summary>
/// <param name="Years">The years asked.</param>
/// <param name="Sum">Σ x over the members present (not scaled up for absent members).</param>
/// <param name="Mean">Sum / Present.</param>
/// <param name="Median">Median of the present values (mean of the two middle ones for an even count, as pandas and R).</param>
/// <param name="WeightedMean">Σ w·x / Σ w over present members with a known weight; NaN when no weights were given or none is known.</param>
/// <param name="Present">Members in the group that year with a value.</param>
/// <param name="Members">Members in the group that year.</param>
/// <param name="GdpCoveragePercent">100 × GDP of the present members / GDP of all members, both over members whose GDP is known; NaN without GDP.</param>
public sealed record GroupAggregate(
    int[] Years,
    double[] Sum,
    double[] Mean,
    double[] Median,
    double[] WeightedMean,
    int[] Present,
    int[] Members,
    double[] GdpCoveragePercent);
