using TradeGrid.Grains.Abstractions.Forecasting;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Forecasting;

/// <summary>One stored chunk of a ForecastAll job's outcomes (key: "job id#chunk index"); written by the job grain only.</summary>
public sealed class ForecastChunkGrain(
    [PersistentState("forecast-job-chunk", StorageNames.Provider)] IPersistentState<ForecastChunkState> state) : Grain, IForecastChunkGrain
{
    public async Task Store(EconomyForecastOutcome[] outcomes)
    {
        state.State.Outcomes = outcomes;
        await state.WriteStateAsync();
    }

    public ValueTask<EconomyForecastOutcome[]> Read() => ValueTask.FromResult(state.State.Outcomes);

    public async Task Clear()
    {
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <summary>The key of chunk <paramref name="index"/> of job <paramref name="jobId"/>.</summary>
    public static string Key(string jobId, int index) => $"{jobId}#{index}";
}
