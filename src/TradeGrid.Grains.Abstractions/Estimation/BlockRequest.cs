using TradeGrid.Numerics.Poisson;

namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>
/// What the coordinator sends an economy grain in every round of one fit: the spec, the partners' series that
/// partner-side regressors read (gathered once by the coordinator, so economy grains never call each other), the
/// sample's years (for year effects), and the PPML separation rounds decided so far.
/// </summary>
/// <param name="Spec">The model.</param>
/// <param name="Partners">Partner economies' unilateral series for partner-side regressors.</param>
/// <param name="PartnerStamp">The partners' data versions as text: part of the key of the grain's cached rows.</param>
/// <param name="Years">Sorted distinct years of the whole sample (empty until the first round has told them).</param>
/// <param name="SeparationRounds">PPML: the combined separation evidence of each round that dropped rows, in order.</param>
[GenerateSerializer, Immutable, Alias("TradeGrid.BlockRequest")]
public sealed record BlockRequest(
    [property: Id(0)] DesignSpec Spec,
    [property: Id(1)] PartnerSeries[] Partners,
    [property: Id(2)] string PartnerStamp,
    [property: Id(3)] int[] Years,
    [property: Id(4)] SeparationPart[] SeparationRounds);
