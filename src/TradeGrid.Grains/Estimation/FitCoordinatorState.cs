using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Estimation;

/// <summary>
/// What a fit's coordinator stores: the last fit it made (null before the first), and the large fit it is running
/// (null when none), so that an activation on another silo resumes it after its silo is lost.
/// </summary>
[GenerateSerializer, Alias("TradeGrid.FitCoordinatorState")]
public sealed class FitCoordinatorState
{
    [Id(0)] public FitOutcome? Fit { get; set; }

    [Id(1)] public FitPlan? Running { get; set; }
}
