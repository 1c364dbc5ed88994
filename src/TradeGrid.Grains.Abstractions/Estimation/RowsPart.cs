namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>
/// An economy's rows of a design with absorbed effect sets: the dependent, the base variables (row-major, n×k), the
/// partner's index in the spec's partners (−1 for unilateral rows) and the year of each row.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.RowsPart")]
public sealed record RowsPart(
    [property: Id(0)] string Economy,
    [property: Id(1)] double[] Y,
    [property: Id(2)] double[] X,
    [property: Id(3)] int[] Partner,
    [property: Id(4)] int[] Year);
