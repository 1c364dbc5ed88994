using TradeGrid.Numerics.Regression;

namespace TradeGrid.Grains.Abstractions.Extrapolation;

/// <summary>
/// Round one of the pipeline for one economy: the QR factor of its rows of the share model (null when it has none),
/// the rows counted, and the known shares that lay outside (0, 1).
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.WorldBlock")]
public sealed record WorldBlock(
    [property: Id(0)] string Economy,
    [property: Id(1)] QrPart? Part,
    [property: Id(2)] int Rows,
    [property: Id(3)] int OutsideUnitInterval);
