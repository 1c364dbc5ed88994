using TradeGrid.Numerics.Forecasting;

namespace TradeGrid.Grains.Abstractions.Forecasting;

/// <summary>The Orleans-serializable twin of <see cref="HoldoutScore"/> (Numerics knows nothing of Orleans).</summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.HoldoutScoreRecord")]
public sealed record HoldoutScoreRecord(
    [property: Id(0)] string Method,
    [property: Id(1)] double Smape,
    [property: Id(2)] double Mase,
    [property: Id(3)] int Origins,
    [property: Id(4)] string Failure)
{
    public static HoldoutScoreRecord From(HoldoutScore s) => new(s.Method, s.Smape, s.Mase, s.Origins, s.Failure ?? string.Empty);
}
