namespace TradeGrid.Grains.Extrapolation;

/// <summary>
/// What a world job stores: its plan (set when it starts); with store, once every economy has staged its shares, the
/// computed outcome and the economies that staged (the checkpoint a resumed job commits from); and the final outcome.
/// </summary>
[GenerateSerializer, Alias("TradeGrid.WorldJobState")]
public sealed class WorldJobState
{
    [Id(0)] public WorldJobPlan? Plan { get; set; }

    [Id(1)] public WorldOutcome? Staged { get; set; }

    [Id(2)] public string[] StagedEconomies { get; set; } = [];

    [Id(3)] public WorldOutcome? Outcome { get; set; }
}
