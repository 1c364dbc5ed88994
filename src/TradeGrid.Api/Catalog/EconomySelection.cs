using TradeGrid.Data.Model;

namespace TradeGrid.Api.Catalog;

/// <summary>
/// What a request's economies and groups resolved to (<see cref="CatalogResolver"/>): the groups asked, the economies
/// named (each counts in every year) and the groups' memberships with the years each holds.
/// </summary>
public sealed record EconomySelection(IReadOnlyList<string> Groups, IReadOnlyList<string> Named, IReadOnlyList<GroupMembership> Memberships)
{
    /// <summary>Every economy selected, sorted by code: the named ones and every member in any year.</summary>
    public string[] Economies { get; } = Named.Concat(Memberships.Select(m => m.Member)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    public bool IsEmpty => Economies.Length == 0;

    /// <summary>
    /// For a group measure: each economy with the years it counts, sorted by code: the group's memberships that hold in
    /// some year of [from, to] (0 = open), and the named economies in every year (they win over a membership).
    /// </summary>
    public IReadOnlyList<GroupMembership> HoldingIn(int from, int to)
    {
        var members = new SortedDictionary<string, GroupMembership>(StringComparer.Ordinal);
        foreach (GroupMembership m in Memberships.Where(m => m.OverlapsRange(from, to)))
        {
            members[m.Member] = m;
        }
        foreach (string code in Named)
        {
            members[code] = new GroupMembership(Groups.Count > 0 ? Groups[0] : string.Empty, code, 0, 0);
        }
        return [.. members.Values];
    }
}
