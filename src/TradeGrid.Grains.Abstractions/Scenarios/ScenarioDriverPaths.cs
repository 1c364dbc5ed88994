namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>
/// One economy's baseline paths of some of a model's drivers (a bilateral model's partner-side drivers, made in the
/// partner's grain by the same forecasting path as any driver): per driver index, the level per projected year, the
/// increments and bootstrap residuals of its forecast error (<c>DriverErrorModel</c>; empty increments: no error, a
/// given or constant path) and the method; drivers not made here have empty arrays. Or why they cannot be made.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ScenarioDriverPaths")]
public sealed record ScenarioDriverPaths
{
    [Id(0)] public required string Economy { get; init; }
    [Id(1)] public required double[][] Levels { get; init; }
    [Id(2)] public required double[][] Increments { get; init; }
    [Id(3)] public required double[][] Residuals { get; init; }
    [Id(4)] public required string[] Methods { get; init; }
    [Id(5)] public string Skipped { get; init; } = string.Empty;

    public static ScenarioDriverPaths SkippedFor(string economy, string reason) =>
        new() { Economy = economy, Levels = [], Increments = [], Residuals = [], Methods = [], Skipped = reason };
}
