
namespace TradeGrid.Grains.Abstractions.Catalog;

/// <summary>
/// The catalogue of economies, indicators and group memberships: one grain, key <see cref="DefaultKey"/>.
/// Reads return an immutable snapshot, so callers filter without further calls.
/// </summary>
[Alias("TradeGrid.ICatalogGrain")]
public interface ICatalogGrain : IGrainWithStringKey
{
    const string DefaultKey = "catalog";

    [Alias("GetSnapshot")]
    ValueTask<CatalogSnapshot> GetSnapshot(CancellationToken cancellationToken = default);

    /// <summary>Adds economies or replaces those with the same code.</summary>
    [Alias("AddEconomies")]
    ValueTask AddEconomies(EconomyRecord[] economies, CancellationToken cancellationToken = default);

    /// <summary>Adds indicators; an existing code keeps its description unless the new one says more.</summary>
    [Alias("AddIndicators")]
    ValueTask<string[]> AddIndicators(IndicatorRecord[] indicators, CancellationToken cancellationToken = default);

    /// <summary>Adds group memberships, replacing those of the same group and member.</summary>
    [Alias("AddGroupMembers")]
    ValueTask AddGroupMembers(GroupMemberRecord[] members, CancellationToken cancellationToken = default);
}
