using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Writes;

namespace TradeGrid.Grains.Economy;

/// <summary>
/// What an economy grain persists: its identity, its series by key (indicator or indicator|partner), its version, and
/// the rows of writes staged here and not yet committed or aborted (never shown to readers).
/// Stored as an <see cref="EconomyStateSurrogate"/> (see <see cref="EconomyStateConverter"/>).
/// </summary>
public sealed class EconomyState
{
    public EconomyRecord? Economy { get; set; }
    public Dictionary<string, SeriesRecord> Series { get; set; } = new(StringComparer.Ordinal);
    public long Version { get; set; }
    public IReadOnlyList<StagedWrite> Staged { get; set; } = [];
}
