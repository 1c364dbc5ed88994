using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Abstractions.Economy;
using TradeGrid.Numerics.Describe;

namespace TradeGrid.Grains.Abstractions.Describe;

/// <summary>
/// The describe and fill part of an economy grain: the same grain (key: the economy code) and the same data as
/// <see cref="IEconomyGrain"/>, so every measure is computed where the series are. Group measures call each member's
/// part and combine the results elsewhere. Reads of an unregistered economy throw <see cref="Domain.UnknownEconomyException"/>.
/// </summary>
[Alias("TradeGrid.IEconomyDescribeGrain")]
public interface IEconomyDescribeGrain : IGrainWithStringKey
{
    /// <summary>First and last year with a value of the indicator, or null when the economy has none.</summary>
    [Alias("GetSpan")]
    ValueTask<YearSpanRecord?> GetSpan(string indicator, CancellationToken cancellationToken = default);

    /// <summary>
    /// Year-on-year growth over [from, to] (0 = open) and, when both are given, growth over the period. With
    /// <paramref name="strict"/> a missing or non-positive endpoint refuses the call; otherwise the record's note says so.
    /// Null when the economy has no value of the indicator in the years asked.
    /// </summary>
    [Alias("GetGrowth")]
    ValueTask<SeriesGrowthRecord?> GetGrowth(string indicator, int from, int to, bool strict, CancellationToken cancellationToken = default);

    /// <summary>This economy's partial of a group aggregate.</summary>
    [Alias("GetGroupPartial")]
    ValueTask<GroupPartial> GetGroupPartial(GroupPartialSpec spec, CancellationToken cancellationToken = default);

    /// <summary>The indicator's values at <paramref name="years"/> (NaN where missing).</summary>
    [Alias("GetValuesAt")]
    ValueTask<double[]> GetValuesAt(string indicator, int[] years, CancellationToken cancellationToken = default);

    /// <summary>A ratio or balance of two of the economy's series, or null when it has neither in the years asked.</summary>
    [Alias("GetPair")]
    ValueTask<PairRecord?> GetPair(PairSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Checks the stated growth rates of the economy's published columns against its published levels.</summary>
    [Alias("CheckPublishedGrowth")]
    ValueTask<GrowthCheck[]> CheckPublishedGrowth(
        PublishedColumnSpec[] columns, int rateDecimals, int? levelDecimals, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fills the missing years of a series; with <paramref name="store"/> the filled values are written as a new version
    /// (flagged interpolated or estimated, the source naming the method and proxy). Null when the economy has no value
    /// of the indicator at all (nothing to fill from). A refused fill throws and stores nothing.
    /// </summary>
    [Alias("Fill")]
    ValueTask<FillRecord?> Fill(FillSpec spec, bool store, CancellationToken cancellationToken = default);
}
