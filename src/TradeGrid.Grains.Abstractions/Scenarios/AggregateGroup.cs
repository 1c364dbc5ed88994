namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>A group reported as an aggregate: its members with the years each membership holds (WLD: every projected economy, always).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.AggregateGroup")]
public sealed record AggregateGroup(
    [property: Id(0)] string Code,
    [property: Id(1)] YearSpan[] Members);
