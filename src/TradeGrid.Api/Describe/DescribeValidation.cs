using TradeGrid.Api.Catalog;
using TradeGrid.Data.Model;
using TradeGrid.Domain;

namespace TradeGrid.Api.Describe;

/// <summary>Checks of describe and fill requests against the catalogue: codes that must exist, and the economies a request covers.</summary>
public static class DescribeValidation
{
    /// <summary>For a period measure: both years given, from before to.</summary>
    public static (int From, int To) Period(int from, int to)
    {
        (from, to) = RequestValidation.YearRange(from, to);
        if (from == 0 || to == 0)
        {
            throw new InvalidSpecException($"from, to: give both years of the period (got from {from}, to {to})");
        }
        return OrderedIfBoth(from, to);
    }

    /// <summary>A year range where, when both sides are given, from must be before to (a period of at least one year).</summary>
    public static (int From, int To) OrderedIfBoth(int from, int to)
    {
        (from, to) = RequestValidation.YearRange(from, to);
        if (from != 0 && to != 0 && from >= to)
        {
            throw new InvalidSpecException($"from: {from} must be before to {to}; a growth period needs at least one year");
        }
        return (from, to);
    }

    /// <summary>
    /// The economies a group measure covers (<see cref="CatalogResolver"/>'s membership-year rule): the named ones in every
    /// year and the group's members in the years of [from, to] (0 = any year) their membership holds.
    /// </summary>
    public static DescribeScope Scope(CatalogView view, IEnumerable<string> economies, string group, int from, int to, bool groupRequired = false)
    {
        if (groupRequired && string.IsNullOrWhiteSpace(group))
        {
            throw new InvalidSpecException("group: a group code is required, e.g. RCEP, or WLD for every economy; see ListGroups");
        }
        EconomySelection selection = view.Select(economies, "economies", group);
        string groupCode = selection.Groups.Count > 0 ? selection.Groups[0] : string.Empty;
        IReadOnlyList<GroupMembership> members = selection.HoldingIn(from, to);
        if (members.Count == 0)
        {
            throw groupCode.Length > 0
                ? new InsufficientDataException($"group: {groupCode} has no members in {(from == to ? $"{from}" : $"{from}–{to}")}; choose other years")
                : new InvalidSpecException("economies: name at least one economy, or a group (e.g. RCEP, or WLD for every economy)");
        }
        string label = groupCode.Length > 0 ? groupCode : string.Join("+", members.Select(m => m.Member));
        return new DescribeScope(label, groupCode, members);
    }
}
