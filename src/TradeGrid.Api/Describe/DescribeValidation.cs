using TradeGrid.Api.Catalog;
using TradeGrid.Data.Model;
using TradeGrid.Domain;

namespace TradeGrid.Api.Describe;

/// <summary>Checks of describe and fill requests against the catalogue: codes that must exist, and the economies a request covers.</summary>
public static class DescribeValidation
{
    /// <summary>A well-formed indicator code the catalogue knows.</summary>
    public static string KnownIndicator(CatalogView view, string value, string field)
    {
        string code = RequestValidation.Indicator(value, field);
        return view.Indicators.ContainsKey(code)
            ? code
            : throw new UnknownIndicatorException($"{field}: unknown indicator '{code}'; see ListIndicators (codes are case-sensitive)");
    }

    /// <summary>An optional indicator: empty stays empty, anything else must be known.</summary>
    public static string OptionalIndicator(CatalogView view, string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? string.Empty : KnownIndicator(view, value, field);

    /// <summary>A well-formed economy code the catalogue knows.</summary>
    public static string KnownEconomy(CatalogView view, string value, string field)
    {
        string code = RequestValidation.Economy(value, field);
        return view.Economies.ContainsKey(code)
            ? code
            : throw new UnknownEconomyException($"{field}: unknown economy '{code}'; see ListEconomies");
    }

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
    /// The economies a request covers: the named ones (each must exist) and the members of the group in [from, to]
    /// (0 = any year) with the years each membership holds; WLD means every economy that is not an aggregate.
    /// </summary>
    public static DescribeScope Scope(CatalogView view, IEnumerable<string> economies, string group, int from, int to, bool groupRequired = false)
    {
        var members = new SortedDictionary<string, GroupMembership>(StringComparer.Ordinal);
        string groupCode = string.IsNullOrWhiteSpace(group) ? string.Empty : RequestValidation.Economy(group, "group");
        if (groupCode.Length > 0)
        {
            foreach (GroupMembership m in view.MembershipsOf(groupCode).Where(m => m.OverlapsRange(from, to)))
            {
                members[m.Member] = m;
            }
        }
        else if (groupRequired)
        {
            throw new InvalidSpecException("group: a group code is required, e.g. RCEP, or WLD for every economy; see ListGroups");
        }
        int i = 0;
        foreach (string value in economies)
        {
            string code = KnownEconomy(view, value, $"economies[{i++}]");
            // A named economy counts in every year, whatever its membership of the group.
            members[code] = new GroupMembership(groupCode, code, 0, 0);
        }
        if (members.Count == 0)
        {
            throw groupCode.Length > 0
                ? new InsufficientDataException($"group: {groupCode} has no members in {(from == to ? $"{from}" : $"{from}–{to}")}; choose other years")
                : new InvalidSpecException("economies: name at least one economy, or a group (e.g. RCEP, or WLD for every economy)");
        }
        string label = groupCode.Length > 0 ? groupCode : string.Join("+", members.Keys);
        return new DescribeScope(label, groupCode, [.. members.Values]);
    }
}
