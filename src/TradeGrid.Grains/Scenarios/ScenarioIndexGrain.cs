using TradeGrid.Grains.Abstractions.Scenarios;

namespace TradeGrid.Grains.Scenarios;

/// <summary>The list of scenario jobs (in memory, like the fit index; stored results stay in their job grains): the latest status per job.</summary>
public sealed class ScenarioIndexGrain : Grain, IScenarioIndexGrain
{
    /// <summary>Bounded so that a long-running server does not grow without limit; the oldest entries go first.</summary>
    public const int Capacity = 1000;

    private readonly List<ScenarioJobStatus> _jobs = [];

    public ValueTask Put(ScenarioJobStatus status)
    {
        int i = _jobs.FindIndex(j => j.JobId == status.JobId);
        if (i >= 0)
        {
            _jobs[i] = status;
        }
        else
        {
            _jobs.Add(status);
            if (_jobs.Count > Capacity)
            {
                _jobs.RemoveAt(0);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<ScenarioJobStatus[]> List() => ValueTask.FromResult(_jobs.AsEnumerable().Reverse().ToArray());

    public ValueTask<int> Running() => ValueTask.FromResult(_jobs.Count(j => j.State == ScenarioJobStatus.Running));
}
