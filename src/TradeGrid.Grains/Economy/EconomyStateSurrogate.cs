using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Grains.Economy;

/// <summary>
/// The stored form of an <see cref="EconomyState"/>: every series' columns concatenated, so that a state of a hundred
/// series is a dozen objects to serialize, not six per series, and years and values are one block of bytes.
/// Series <c>k</c> has <c>Lengths[k]</c> values and <c>SourceRunCounts[k]</c> source runs, in order.
/// </summary>
[GenerateSerializer, Alias("TradeGrid.EconomyState.v2")]
public struct EconomyStateSurrogate
{
    [Id(0)] public EconomyRecord? Economy;
    [Id(1)] public long Version;
    [Id(2)] public string[] Indicators;
    [Id(3)] public string[] Partners;
    [Id(4)] public long[] SeriesVersions;
    [Id(5)] public int[] Lengths;

    /// <summary>Every series' years (int32), then every series' values (float64), in the machine's (little-endian) byte order.</summary>
    [Id(6)] public byte[] Numbers;
    [Id(7)] public byte[] Provenance;
    [Id(8)] public int[] SourceRunCounts;
    [Id(9)] public string[] SourceNames;
    [Id(10)] public int[] SourceStarts;

    /// <summary>Writes staged and not yet decided (null in states stored before staging existed).</summary>
    [Id(11)] public StagedWrite[]? Staged;
}
