using TradeGrid.Grains.Abstractions.Estimation;
using TradeGrid.Grains.Hosting;

namespace TradeGrid.Grains.Estimation;

/// <summary>The list of fits, stored like the fits themselves: the latest listing per fit id, newest last.</summary>
public sealed class FitIndexGrain(
    [PersistentState("fit-index", StorageNames.Provider)] IPersistentState<FitIndexState> state) : Grain, IFitIndexGrain
{
    /// <summary>Bounded so that a long-running server does not grow without limit; the oldest listings go first.</summary>
    public const int Capacity = 1000;

    private List<FitListing> Listings => state.State.Listings;

    public async ValueTask Record(FitListing listing, CancellationToken cancellationToken)
    {
        Listings.RemoveAll(l => l.FitId == listing.FitId);
        Listings.Add(listing);
        if (Listings.Count > Capacity)
        {
            Listings.RemoveAt(0);
        }

        await state.WriteStateAsync(CancellationToken.None);
    }

    public ValueTask<FitListing[]> List(CancellationToken cancellationToken) => ValueTask.FromResult(Listings.ToArray());
}
