using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Data;

namespace TradeGrid.Grains.Data;

/// <summary>
/// Reads a panel: every economy grain reads its own series in parallel (<see cref="Task.WhenAll(IEnumerable{Task})"/>).
/// A plain class (no state, no grain identity), so it runs wherever the gateway calls it.
/// </summary>
public sealed class PanelCoordinator(IGrainFactory grains)
{
    /// <summary>Each economy's series of <paramref name="indicators"/> in [from, to] (0 = open), aligned with <paramref name="economies"/>.</summary>
    public Task<SeriesRecord[][]> ReadAsync(
        IReadOnlyList<string> economies, string[] indicators, string partner, int from, int to, CancellationToken cancellationToken) =>
        Task.WhenAll(economies.Select(e => grains.Economy(e).GetSeriesMany(indicators, partner, from, to, cancellationToken).AsTask()));
}
