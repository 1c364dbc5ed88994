using TradeGrid.Numerics.Scenarios;

namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>A validated shock: its driver, the numerics' <see cref="DriverShock"/> fields (enums as numbers), and the economies it reaches with the years each one counts in.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ScenarioShockRecord")]
public sealed record ScenarioShockRecord
{
    [Id(0)] public required int Driver { get; init; }
    [Id(1)] public required int Kind { get; init; }
    [Id(2)] public required double Value { get; init; }
    [Id(3)] public required int StartYear { get; init; }
    [Id(4)] public required int FullYear { get; init; }
    [Id(5)] public required int PhaseIn { get; init; }
    [Id(6)] public required bool PerYear { get; init; }
    [Id(7)] public required int[] PathYears { get; init; }
    [Id(8)] public required double[] PathValues { get; init; }
    [Id(9)] public required YearSpan[] Targets { get; init; }

    public DriverShock ToShock() => new((ShockKind)Kind, Value, StartYear, FullYear, (PhaseIn)PhaseIn, PerYear, PathYears, PathValues);
}
