using TradeGrid.Grains.Abstractions;

namespace TradeGrid.Api.Catalog;

/// <summary>
/// The gateway's indexed copy of the catalogue, kept for a short time so that hot reads (a series' unit)
/// cost no extra grain call. Checks that decide an answer (does this indicator exist?) ask for a fresh one.
/// </summary>
public sealed class CatalogCache(IGrainFactory grains, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);
    private (CatalogView View, DateTimeOffset At)? _cached;

    public async ValueTask<CatalogView> GetAsync(CancellationToken cancellationToken, bool fresh = false)
    {
        if (!fresh && _cached is { } c && time.GetUtcNow() - c.At < Lifetime)
        {
            return c.View;
        }
        var view = new CatalogView(await grains.Catalog().GetSnapshot(cancellationToken));
        _cached = (view, time.GetUtcNow());
        return view;
    }

    public void Invalidate() => _cached = null;
}
