using TradeGrid.Data.Model;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Catalog;

namespace TradeGrid.Api.Catalog;

/// <summary>
/// The one place a request's codes are checked against the catalogue (an unknown code is NotFound and the message
/// names the field) and economies plus groups become economy codes. Every service resolves through here.
/// </summary>
/// <remarks>
/// The membership-year rule: a group stands for every economy that is its member in some year (WLD: every economy
/// that is not an aggregate), each with the years its membership holds; economies named in the request count in
/// every year; members the catalogue does not list as economies are left out (no grain holds their data).
/// A selection of economies (a panel, a fit's or a prediction's sample, forecast-all, the world estimate) takes these
/// economies over all the years asked: RCEP's members before 2022 are still RCEP economies for a panel or a model of
/// their history. A group measure of describe (growth, share, aggregate, contributions of a group) counts each member
/// only in the years its membership holds (published group totals are built that way; <see cref="EconomySelection.HoldingIn"/>).
/// ListEconomies' <c>year</c> is the one request field that asks for the members in a given year.
/// </remarks>
public static class CatalogResolver
{
    /// <summary>A well-formed indicator code the catalogue knows.</summary>
    public static string RequireIndicator(this CatalogView view, string value, string field)
    {
        string code = RequestValidation.Indicator(value, field);
        return view.Indicators.ContainsKey(code) ? code : throw UnknownIndicatorException.Of(field, code);
    }

    /// <summary>An optional indicator: empty stays empty, anything else must be known.</summary>
    public static string OptionalIndicator(this CatalogView view, string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? string.Empty : view.RequireIndicator(value, field);

    /// <summary>A well-formed economy code the catalogue knows.</summary>
    public static string RequireEconomy(this CatalogView view, string value, string field)
    {
        string code = RequestValidation.Economy(value, field);
        return view.Economies.ContainsKey(code) ? code : throw UnknownEconomyException.Of(field, $"'{code}'");
    }

    /// <summary>An optional economy (a partner): empty stays empty, anything else must be known.</summary>
    public static string OptionalEconomy(this CatalogView view, string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? string.Empty : view.RequireEconomy(value, field);

    /// <summary>A group of ListGroups, or WLD: its memberships with their years (see the membership-year rule).</summary>
    public static IEnumerable<GroupMembership> RequireGroup(this CatalogView view, string value, string field)
    {
        string group = RequestValidation.Economy(value, field);
        if (view.Groups.TryGetValue(group, out IReadOnlyList<GroupMemberRecord>? members))
        {
            return members.Select(m => m.ToMembership()).Where(m => view.Economies.ContainsKey(m.Member));
        }
        if (group == CatalogView.World)
        {
            return view.Snapshot.Economies.Where(e => !e.IsAggregate).Select(e => new GroupMembership(group, e.Code, 0, 0));
        }
        throw new UnknownEconomyException($"{field}: unknown group '{group}'; see ListGroups (WLD means every economy)");
    }

    /// <summary>The members of a group in <paramref name="year"/> (0: in any year), for ListEconomies.</summary>
    public static HashSet<string> MembersIn(this CatalogView view, string group, int year, string field = "group") =>
        view.RequireGroup(group, field).Where(m => m.OverlapsRange(year, year)).Select(m => m.Member).ToHashSet(StringComparer.Ordinal);

    /// <summary>Economies named in <paramref name="economiesField"/> and the members of one optional group (field "group").</summary>
    public static EconomySelection Select(this CatalogView view, IEnumerable<string> economies, string economiesField, string group) =>
        view.Select(economies, economiesField, string.IsNullOrWhiteSpace(group) ? [] : [(group, "group")]);

    /// <summary>Economies named in <paramref name="economiesField"/> and the members of the groups in <paramref name="groupsField"/>.</summary>
    public static EconomySelection Select(this CatalogView view, IEnumerable<string> economies, string economiesField, IEnumerable<string> groups, string groupsField) =>
        view.Select(economies, economiesField, groups.Select((g, i) => (g, $"{groupsField}[{i}]")));

    private static EconomySelection Select(this CatalogView view, IEnumerable<string> economies, string economiesField, IEnumerable<(string Value, string Field)> groups)
    {
        string[] named = economies.Select((value, i) => view.RequireEconomy(value, $"{economiesField}[{i}]")).ToArray();
        var groupCodes = new List<string>();
        var memberships = new List<GroupMembership>();
        foreach ((string value, string field) in groups)
        {
            groupCodes.Add(RequestValidation.Economy(value, field));
            memberships.AddRange(view.RequireGroup(value, field));
        }
        return new EconomySelection(groupCodes, named, memberships);
    }
}
