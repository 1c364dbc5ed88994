namespace TradeGrid.Grains.Abstractions.Estimation;

/// <summary>The list of fits made in the cluster (one grain, key <see cref="DefaultKey"/>), newest last.</summary>
[Alias("TradeGrid.IFitIndexGrain")]
public interface IFitIndexGrain : IGrainWithStringKey
{
    const string DefaultKey = "fits";

    [Alias("Record")]
    ValueTask Record(FitListing listing, CancellationToken cancellationToken = default);

    [Alias("List")]
    ValueTask<FitListing[]> List(CancellationToken cancellationToken = default);
}
