using TradeGrid.Grains.Abstractions.Scenarios;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Scenarios;

/// <summary>
/// The list of scenario jobs: the latest status per job (stored results stay in their job grains). Stored on every
/// change (a job starting or ending, never its progress), so the list outlives every silo on the PostgreSQL backend.
/// </summary>
public sealed class ScenarioIndexGrain(
    [PersistentState("scenario-index", StorageNames.Provider)] IPersistentState<ScenarioIndexState> state) : Grain, IScenarioIndexGrain
{
    /// <summary>Bounded so that a long-running server does not grow without limit; the oldest entries go first.</summary>
    public const int Capacity = 1000;

    private List<ScenarioJobStatus> Jobs => state.State.Jobs;

    public async ValueTask Put(ScenarioJobStatus status)
    {
        int i = Jobs.FindIndex(j => j.JobId == status.JobId);
        if (i >= 0)
        {
            Jobs[i] = status;
        }
        else
        {
            Jobs.Add(status);
            if (Jobs.Count > Capacity)
            {
                Jobs.RemoveAt(0);
            }
        }

        await state.WriteStateAsync();
    }

    public ValueTask<ScenarioJobStatus[]> List() => ValueTask.FromResult(Jobs.AsEnumerable().Reverse().ToArray());

    public ValueTask<int> Running() => ValueTask.FromResult(Jobs.Count(j => j.State == ScenarioJobStatus.Running));
}
