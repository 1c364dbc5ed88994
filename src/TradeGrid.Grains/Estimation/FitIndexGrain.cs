using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Estimation;

/// <summary>The list of fits (in memory, like the coordinators' caches): the latest listing per fit id, newest last.</summary>
public sealed class FitIndexGrain : Grain, IFitIndexGrain
{
    /// <summary>Bounded so that a long-running server does not grow without limit; the oldest listings go first.</summary>
    public const int Capacity = 1000;

    private readonly List<FitListing> _listings = [];

    public ValueTask Record(FitListing listing, CancellationToken cancellationToken)
    {
        _listings.RemoveAll(l => l.FitId == listing.FitId);
        _listings.Add(listing);
        if (_listings.Count > Capacity)
        {
            _listings.RemoveAt(0);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<FitListing[]> List(CancellationToken cancellationToken) => ValueTask.FromResult(_listings.ToArray());
}
