using TradeGrid.Grains.Abstractions.Forecasting;

namespace TradeGrid.Grains.Forecasting;

/// <summary>
/// What a ForecastAll job grain stores: its status, its plan, and the outcomes of every whole chunk done so far, in
/// plan order. A new activation of a running job resumes after the stored outcomes; an ended job keeps them as its result.
/// </summary>
[GenerateSerializer, Alias("TradeGrid.ForecastJobState")]
public sealed class ForecastJobState
{
    [Id(0)] public ForecastJobStatus? Status { get; set; }
    [Id(1)] public ForecastJobPlan? Plan { get; set; }
    [Id(2)] public EconomyForecastOutcome[] Outcomes { get; set; } = [];
}
