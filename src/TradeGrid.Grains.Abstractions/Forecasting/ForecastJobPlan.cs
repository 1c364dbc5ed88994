namespace TradeGrid.Grains.Abstractions.Forecasting;

/// <summary>
/// What a ForecastAll job does, fixed when it starts and stored with it: the economies in the order they are forecast
/// and reported, and the spec. With <c>Spec.Store</c>, <c>Spec.WriteId</c> is the atomic write the gateway began for
/// it: every economy stages its points under that id and the job commits it once, after the last economy.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ForecastJobPlan")]
public sealed record ForecastJobPlan
{
    /// <summary>32 lower-case hex digits.</summary>
    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public required string[] Economies { get; init; }
    [Id(2)] public required ForecastSpec Spec { get; init; }
}
