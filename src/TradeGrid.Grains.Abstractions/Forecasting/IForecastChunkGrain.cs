namespace TradeGrid.Grains.Abstractions.Forecasting;

/// <summary>
/// The stored outcomes of one chunk of a ForecastAll job (key: "job id#chunk index"). Each chunk is its own row, so a
/// job's checkpoints write each outcome once, whatever the number of chunks.
/// </summary>
[Alias("TradeGrid.IForecastChunkGrain")]
public interface IForecastChunkGrain : IGrainWithStringKey
{
    /// <summary>Stores the chunk's outcomes (a second store, after a resumed chunk ran again, replaces the first).</summary>
    [Alias("Store")]
    Task Store(EconomyForecastOutcome[] outcomes);

    /// <summary>The stored outcomes, in plan order; empty when none are stored.</summary>
    [Alias("Read")]
    ValueTask<EconomyForecastOutcome[]> Read();

    /// <summary>Deletes the stored outcomes (the job's retention ended).</summary>
    [Alias("Clear")]
    Task Clear();
}
