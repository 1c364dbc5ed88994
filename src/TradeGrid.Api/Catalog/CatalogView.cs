using TradeGrid.Grains.Abstractions.Catalog;

namespace TradeGrid.Api.Catalog;

/// <summary>A catalogue snapshot indexed for lookups by code.</summary>
public sealed class CatalogView
{
    public CatalogView(CatalogSnapshot snapshot)
    {
        Snapshot = snapshot;
        Economies = snapshot.Economies.ToDictionary(e => e.Code, StringComparer.Ordinal);
        Indicators = snapshot.Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        Groups = snapshot.Groups.GroupBy(g => g.Group, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<GroupMemberRecord>)g.ToList(), StringComparer.Ordinal);
    }

    public CatalogSnapshot Snapshot { get; }
    public IReadOnlyDictionary<string, EconomyRecord> Economies { get; }
    public IReadOnlyDictionary<string, IndicatorRecord> Indicators { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<GroupMemberRecord>> Groups { get; }

    /// <summary>The group meaning every economy that is not an aggregate, unless the catalogue defines it.</summary>
    public const string World = "WLD";

    /// <summary>The groups an economy belongs to in any year.</summary>
    public IEnumerable<string> GroupsOf(string economy) =>
        Groups.Where(g => g.Value.Any(m => m.Member == economy)).Select(g => g.Key).Order(StringComparer.Ordinal);
}
