using TradeGrid.Numerics.Describe;

namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>
/// One economy's series over the years asked with its year-on-year growth (NaN where none exists), and its growth over
/// the period when one was asked and could be computed; otherwise <see cref="Note"/> says why not.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeGrid.SeriesGrowthRecord")]
public sealed record SeriesGrowthRecord(
    [property: Id(0)] int[] Years,
    [property: Id(1)] double[] Values,
    [property: Id(2)] double[] YearOnYearPercent,
    [property: Id(3)] double[] YearOnYearLogPercent,
    [property: Id(4)] PeriodGrowth? Period,
    [property: Id(5)] string Note);
