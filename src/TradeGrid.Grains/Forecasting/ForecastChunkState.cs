using TradeGrid.Grains.Abstractions.Forecasting;

namespace TradeGrid.Grains.Forecasting;

/// <summary>What a ForecastAll chunk grain stores: the chunk's outcomes, in plan order.</summary>
[GenerateSerializer, Alias("TradeGrid.ForecastChunkState")]
public sealed class ForecastChunkState
{
    [Id(0)] public EconomyForecastOutcome[] Outcomes { get; set; } = [];
}
