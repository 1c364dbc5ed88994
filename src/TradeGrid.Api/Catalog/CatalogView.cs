using TradeGrid.Data.Model;
using TradeGrid.Domain;
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

    /// <summary>A group's memberships with their years; WLD means every economy that is not an aggregate.</summary>
    public IEnumerable<GroupMembership> MembershipsOf(string group)
    {
        if (Groups.TryGetValue(group, out IReadOnlyList<GroupMemberRecord>? members))
        {
            return members.Select(m => m.ToMembership());
        }
        if (group == World)
        {
            return Snapshot.Economies.Where(e => !e.IsAggregate).Select(e => new GroupMembership(group, e.Code, 0, 0));
        }
        throw new UnknownEconomyException($"group: unknown group '{group}'; see ListGroups (WLD means every economy)");
    }

    /// <summary>Members of a group in any year of [from, to] (0 = open).</summary>
    public HashSet<string> MembersOf(string group, int from, int to) =>
        MembershipsOf(group).Where(m => m.OverlapsRange(from, to)).Select(m => m.Member).ToHashSet(StringComparer.Ordinal);

    /// <summary>The groups an economy belongs to in any year.</summary>
    public IEnumerable<string> GroupsOf(string economy) =>
        Groups.Where(g => g.Value.Any(m => m.Member == economy)).Select(g => g.Key).Order(StringComparer.Ordinal);
}
