using System.Runtime.InteropServices;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Data;
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

/// <summary>Stores an <see cref="EconomyState"/> as an <see cref="EconomyStateSurrogate"/> and reads it back.</summary>
[RegisterConverter]
public sealed class EconomyStateConverter : IConverter<EconomyState, EconomyStateSurrogate>
{
    public EconomyStateSurrogate ConvertToSurrogate(in EconomyState value)
    {
        SeriesRecord[] series = [.. value.Series.Values];
        int values = 0, runs = 0;
        foreach (SeriesRecord s in series)
        {
            values += s.Years.Length;
            runs += s.SourceNames.Length;
        }
        var stored = new EconomyStateSurrogate
        {
            Economy = value.Economy,
            Version = value.Version,
            Indicators = new string[series.Length],
            Partners = new string[series.Length],
            SeriesVersions = new long[series.Length],
            Lengths = new int[series.Length],
            Numbers = new byte[values * (sizeof(int) + sizeof(double))],
            Provenance = new byte[values],
            SourceRunCounts = new int[series.Length],
            SourceNames = new string[runs],
            SourceStarts = new int[runs],
            Staged = [.. value.Staged],
        };
        Span<byte> years = stored.Numbers.AsSpan(0, values * sizeof(int));
        Span<byte> doubles = stored.Numbers.AsSpan(values * sizeof(int));
        int at = 0, run = 0;
        for (int k = 0; k < series.Length; k++)
        {
            SeriesRecord s = series[k];
            (stored.Indicators[k], stored.Partners[k], stored.SeriesVersions[k], stored.Lengths[k]) = (s.Indicator, s.Partner, s.Version, s.Years.Length);
            MemoryMarshal.AsBytes(s.Years.AsSpan()).CopyTo(years[(at * sizeof(int))..]);
            MemoryMarshal.AsBytes(s.Values.AsSpan()).CopyTo(doubles[(at * sizeof(double))..]);
            s.Provenance.CopyTo(stored.Provenance, at);
            stored.SourceRunCounts[k] = s.SourceNames.Length;
            s.SourceNames.CopyTo(stored.SourceNames, run);
            s.SourceStarts.CopyTo(stored.SourceStarts, run);
            at += s.Years.Length;
            run += s.SourceNames.Length;
        }
        return stored;
    }

    public EconomyState ConvertFromSurrogate(in EconomyStateSurrogate stored)
    {
        int values = stored.Provenance.Length;
        ReadOnlySpan<int> years = MemoryMarshal.Cast<byte, int>(stored.Numbers.AsSpan(0, values * sizeof(int)));
        ReadOnlySpan<double> doubles = MemoryMarshal.Cast<byte, double>(stored.Numbers.AsSpan(values * sizeof(int)));
        var state = new EconomyState { Economy = stored.Economy, Version = stored.Version, Staged = stored.Staged ?? [] };
        int at = 0, run = 0;
        for (int k = 0; k < stored.Indicators.Length; k++)
        {
            int n = stored.Lengths[k], r = stored.SourceRunCounts[k];
            var series = new SeriesRecord(stored.Indicators[k], stored.Partners[k], years.Slice(at, n).ToArray(),
                doubles.Slice(at, n).ToArray(), stored.Provenance.AsSpan(at, n).ToArray(),
                stored.SourceNames.AsSpan(run, r).ToArray(), stored.SourceStarts.AsSpan(run, r).ToArray(), stored.SeriesVersions[k]);
            state.Series[SeriesRecord.Key(series.Indicator, series.Partner)] = series;
            at += n;
            run += r;
        }
        return state;
    }
}
