namespace TradeGrid.Numerics.Describe;

/// <summary>
/// What one member (or an already merged set of members) contributes to a group aggregate, per year of <see cref="Years"/>.
/// Built next to the data by <see cref="GroupAggregation.Partial"/>, merged and combined by a coordinator:
/// every field is a sum except <see cref="Values"/>, which the median needs in full.
/// </summary>
/// <param name="Years">The years asked, the same for every partial of a request.</param>
/// <param name="Members">Members in the group that year (a membership can start or end, e.g. an accession).</param>
/// <param name="Present">Members in the group that year with a value.</param>
/// <param name="Sum">Σ x over present members.</param>
/// <param name="WeightedSum">Σ w·x over present members whose weight is known.</param>
/// <param name="WeightSum">Σ w over the same members as <paramref name="WeightedSum"/>.</param>
/// <param name="PresentGdp">Σ GDP over present members whose GDP is known.</param>
/// <param name="MemberGdp">Σ GDP over all members in the group that year whose GDP is known.</param>
/// <param name="Values">The present members' values per year, in no particular order.</param>
public sealed record GroupPartial(
    int[] Years,
    int[] Members,
    int[] Present,
    double[] Sum,
    double[] WeightedSum,
    double[] WeightSum,
    double[] PresentGdp,
    double[] MemberGdp,
    double[][] Values);
