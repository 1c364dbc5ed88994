using TradeGrid.Grains.Abstractions.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>What the scenario index stores: every job's latest status, oldest first.</summary>
[GenerateSerializer, Alias("TradeGrid.ScenarioIndexState")]
public sealed class ScenarioIndexState
{
    [Id(0)] public List<ScenarioJobStatus> Jobs { get; set; } = [];
}
