using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Estimation;

/// <summary>What a fit's coordinator stores: the last fit it made (null before the first).</summary>
[GenerateSerializer, Alias("TradeGrid.FitCoordinatorState")]
public sealed class FitCoordinatorState
{
    [Id(0)] public FitOutcome? Fit { get; set; }
}
