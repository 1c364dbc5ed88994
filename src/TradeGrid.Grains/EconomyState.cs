using TradeGrid.Grains.Abstractions.Records;

namespace TradeGrid.Grains;

/// <summary>What an economy grain persists: its identity, its series by key (indicator or indicator|partner), its version.</summary>
[GenerateSerializer, Alias("TradeGrid.EconomyState")]
public sealed class EconomyState
{
    [Id(0)] public EconomyRecord? Economy { get; set; }
    [Id(1)] public Dictionary<string, SeriesRecord> Series { get; set; } = new(StringComparer.Ordinal);
    [Id(2)] public long Version { get; set; }
}
