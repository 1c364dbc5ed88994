namespace TradeGrid.Grains.Abstractions.Scenarios;

/// <summary>Where a driver's baseline comes from: kind 0 forecast (with <see cref="Method"/>), 1 given paths (else forecast), 2 held constant.</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.ScenarioDriverSource")]
public sealed record ScenarioDriverSource(
    [property: Id(0)] string Indicator,
    [property: Id(1)] int Kind,
    [property: Id(2)] string Method)
{
    public const int Forecast = 0;
    public const int Given = 1;
    public const int Constant = 2;
}
