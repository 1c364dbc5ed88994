using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// What a scenario's model reads, known before anything is fitted: its drivers (indicators), for a bilateral model the
/// side each is read from (true: the partner's; empty for unilateral models), its economies (a bilateral model's
/// reporters), its partners (empty for unilateral models), its dependent, and the stored fit of a fit_id.
/// </summary>
internal sealed record ScenarioModelPreview(
    string[] Drivers,
    bool[] PartnerSide,
    string[] Economies,
    string[] Partners,
    string Dependent,
    FitOutcome? Stored)
{
    public bool Bilateral => PartnerSide.Length > 0;

    /// <summary>The distinct indicators read from one side: the partners' (true) or the economies' own (false).</summary>
    public string[] DriversOf(bool partner) =>
        Drivers.Where((_, j) => (Bilateral && PartnerSide[j]) == partner).Distinct(StringComparer.Ordinal).ToArray();
}
