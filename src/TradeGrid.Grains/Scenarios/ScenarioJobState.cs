using TradeGrid.Grains.Abstractions.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// What a job grain stores. While a job runs: its status, its plan and its last checkpoint, so
/// that a new activation (its silo was lost, or every silo restarted) resumes it. When it ends: the final status and,
/// for a completed job that asked to be stored, its result.
/// </summary>
[GenerateSerializer, Alias("TradeGrid.ScenarioJobState")]
public sealed class ScenarioJobState
{
    [Id(0)] public ScenarioJobStatus? Status { get; set; }
    [Id(1)] public ScenarioResultRecord? Result { get; set; }

    /// <summary>The plan of a running job (StartScenario's or RunScenario's); null once it has ended.</summary>
    [Id(2)] public ScenarioPlan? Plan { get; set; }

    [Id(3)] public ScenarioCheckpoint? Checkpoint { get; set; }
}
