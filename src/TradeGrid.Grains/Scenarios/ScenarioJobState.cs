using TradeGrid.Grains.Abstractions.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>What a job grain writes to storage, once, when a job that asked to be stored completes: its final status and result.</summary>
[GenerateSerializer, Alias("TradeGrid.ScenarioJobState")]
public sealed class ScenarioJobState
{
    [Id(0)] public ScenarioJobStatus? Status { get; set; }
    [Id(1)] public ScenarioResultRecord? Result { get; set; }
}
