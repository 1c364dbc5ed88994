using TradeGrid.Grains.Abstractions.Estimation;

namespace TradeGrid.Grains.Estimation;

/// <summary>What the fit index stores: the listings, oldest first.</summary>
[GenerateSerializer, Alias("TradeGrid.FitIndexState")]
public sealed class FitIndexState
{
    [Id(0)] public List<FitListing> Listings { get; set; } = [];
}
