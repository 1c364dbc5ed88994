namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>
/// A scenario job's status and its economies' results from a given index on, in plan order (a stream following the job
/// asks for the ones it has not sent yet). A job resumed on another silo gives the same economies at the same indices.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ScenarioJobPage")]
public sealed record ScenarioJobPage(
    [property: Id(0)] ScenarioJobStatus Status,
    [property: Id(1)] ScenarioSeriesRecord[] Economies);
