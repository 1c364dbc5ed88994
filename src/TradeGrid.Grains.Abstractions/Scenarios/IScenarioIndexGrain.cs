namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>The one list of scenario jobs on the cluster (key <see cref="DefaultKey"/>), newest first.</summary>
[Alias("TradeGrid.IScenarioIndexGrain")]
public interface IScenarioIndexGrain : IGrainWithStringKey
{
    public const string DefaultKey = "scenarios";

    [Alias("Put")]
    ValueTask Put(ScenarioJobStatus status);

    [Alias("List")]
    ValueTask<ScenarioJobStatus[]> List();

    /// <summary>How many jobs are running (for the concurrent-job limit).</summary>
    [Alias("Running")]
    ValueTask<int> Running();
}
