using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Data;

namespace TradeGrid.Grains.Economy;

/// <summary>
/// What an economy grain persists: its identity, its series by key (indicator or indicator|partner), its version.
/// Stored as an <see cref="EconomyStateSurrogate"/> (see <see cref="EconomyStateConverter"/>).
/// </summary>
public sealed class EconomyState
{
    public EconomyRecord? Economy { get; set; }
    public Dictionary<string, SeriesRecord> Series { get; set; } = new(StringComparer.Ordinal);
    public long Version { get; set; }
}
