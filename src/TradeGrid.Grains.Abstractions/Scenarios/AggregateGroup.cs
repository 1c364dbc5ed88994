namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>
/// A group reported as an aggregate: its members with the years each membership holds (WLD: every projected economy,
/// always). For a bilateral model a member is matched by the pair's partner when <see cref="ByPartner"/> (groups of
/// partners, e.g. China's exports to RCEP), else by its reporter (a reporter's total, WLD).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.AggregateGroup")]
public sealed record AggregateGroup(
    [property: Id(0)] string Code,
    [property: Id(1)] YearSpan[] Members)
{
    [Id(2)] public bool ByPartner { get; init; }
}
