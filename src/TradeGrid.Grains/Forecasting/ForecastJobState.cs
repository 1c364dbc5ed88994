using TradeGrid.Grains.Abstractions.Forecasting;

namespace TradeGrid.Grains.Forecasting;

/// <summary>
/// What a ForecastAll job grain stores: its status, its plan, its chunk size (fixed when the job starts, so a silo
/// of another size resumes the same chunks) and how many whole chunks are stored, each in its own
/// <see cref="ForecastChunkGrain"/>. A new activation of a running job resumes after the stored chunks; an ended job
/// keeps them as its result.
/// </summary>
[GenerateSerializer, Alias("TradeGrid.ForecastJobState")]
public sealed class ForecastJobState
{
    [Id(0)] public ForecastJobStatus? Status { get; set; }
    [Id(1)] public ForecastJobPlan? Plan { get; set; }
    [Id(3)] public int ChunkSize { get; set; }
    [Id(4)] public int ChunksDone { get; set; }
}
