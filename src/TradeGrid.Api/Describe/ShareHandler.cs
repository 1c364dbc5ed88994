using TradeGrid.Api.Catalog;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Describe;
using TradeGrid.Numerics.Describe;
using NumericsShare = TradeGrid.Numerics.Describe.Share;

namespace TradeGrid.Api.Describe;

/// <summary>
/// The Share and Contributions RPCs: measures of some economies against a group total, which is either the members' sum
/// (combined from the members' partials) or the group's own published series (read from the aggregate economy).
/// </summary>
public sealed class ShareHandler(DescribeCoordinator coordinator, CatalogCache catalog)
{
    public async Task<ShareResponse> ShareAsync(ShareRequest request, CancellationToken cancellationToken)
    {
        (int from, int to) = RequestValidation.YearRange(request.From, request.To);
        CatalogView view = await catalog.GetAsync(cancellationToken, fresh: true);
        string indicator = view.RequireIndicator(request.Indicator, "indicator");
        TotalSource source = request.Total == TotalSource.Unspecified ? TotalSource.MembersSum : request.Total;
        DescribeScope economies = DescribeValidation.Scope(view, request.Economies, string.Empty, from, to);
        DescribeScope group = DescribeValidation.Scope(view, [], request.Group, from, to, groupRequired: true);
        string totalIndicator = TotalIndicator(view, source, group, request.TotalIndicator, indicator);

        int[] years = await coordinator.YearsAsync(economies.Label, economies.Members, indicator, from, to, cancellationToken);
        Task<GroupPartial[]> ownTask = coordinator.PartialsAsync(economies.Members, indicator, years, string.Empty, string.Empty, cancellationToken);
        GroupAggregate? members = null;
        double[] totals;
        if (source == TotalSource.Published)
        {
            totals = await coordinator.ValuesAtAsync(group.Group, totalIndicator, years, cancellationToken);
            int[] missing = years.Where((_, t) => double.IsNaN(totals[t])).ToArray();
            if (missing.Length > 0)
            {
                throw new InsufficientDataException(
                    $"{group.Group} has no published {totalIndicator} in {string.Join(", ", missing)}; ask for years it has, or use the members' sum.");
            }
        }
        else
        {
            members = await coordinator.AggregateAsync(group.Group, group.Members, indicator, years, string.Empty, string.Empty, cancellationToken);
            totals = members.Sum;
        }
        GroupPartial[] own = await ownTask;
        GroupPartial combined = own.Aggregate(GroupAggregation.Merge);
        double[] value = years.Select((_, t) => combined.Present[t] > 0 ? combined.Sum[t] : double.NaN).ToArray();
        double[] share = NumericsShare.Percent(value, totals);

        var response = new ShareResponse { Indicator = indicator, Group = group.Group, Total = source };
        for (int t = 0; t < years.Length; t++)
        {
            var row = new ShareYear
            {
                Year = years[t],
                Value = combined.Present[t] > 0 ? combined.Sum[t] : 0.0,
                EconomiesPresent = combined.Present[t],
                Total = totals[t],
                MembersPresent = members?.Present[t] ?? 0,
                Members = members?.Members[t] ?? 0,
            };
            if (!double.IsNaN(share[t]))
            {
                row.SharePercent = share[t];
            }
            response.Years.Add(row);
        }
        for (int e = 0; e < own.Length; e++)
        {
            double[] values = years.Select((_, t) => own[e].Present[t] > 0 ? own[e].Sum[t] : double.NaN).ToArray();
            double[] percent = NumericsShare.Percent(values, totals);
            var economy = new EconomyShare { Economy = economies.Economies[e] };
            for (int t = 0; t < years.Length; t++)
            {
                if (!double.IsNaN(percent[t]))
                {
                    economy.Years.Add(years[t]);
                    economy.SharePercent.Add(percent[t]);
                }
            }
            response.Economies.Add(economy);
        }
        return response;
    }

    public async Task<ContributionsResponse> ContributionsAsync(ContributionsRequest request, CancellationToken cancellationToken)
    {
        (int from, int to) = DescribeValidation.Period(request.From, request.To);
        CatalogView view = await catalog.GetAsync(cancellationToken, fresh: true);
        string indicator = view.RequireIndicator(request.Indicator, "indicator");
        TotalSource source = request.Total == TotalSource.Unspecified ? TotalSource.MembersSum : request.Total;
        // The group as it stands in the end year, compared over both years (a constant composition).
        DescribeScope scope = DescribeValidation.Scope(view, request.Economies, request.Group, to, to);
        string totalIndicator = TotalIndicator(view, source, scope, request.TotalIndicator, indicator);

        (ContributionTable table, double[] fromValues, double[] toValues) = await coordinator.ContributionsAsync(
            scope.Label, scope.Economies, indicator, from, to, source == TotalSource.Published ? scope.Group : null, totalIndicator, cancellationToken);
        var response = new ContributionsResponse
        {
            Indicator = indicator,
            Group = scope.Label,
            From = from,
            To = to,
            TotalFrom = table.TotalFrom,
            TotalTo = table.TotalTo,
            GrowthPercent = table.GrowthPercent,
            Total = source,
        };
        response.Contributions.AddRange(table.ToProto(fromValues, toValues));
        return response;
    }

    /// <summary>The indicator of the total; a published total needs a group that is itself an economy holding it.</summary>
    private static string TotalIndicator(CatalogView view, TotalSource source, DescribeScope group, string requested, string indicator)
    {
        if (source != TotalSource.Published)
        {
            return indicator;
        }
        if (!group.IsGroup)
        {
            throw new InvalidSpecException("group: a published total is the group's own series; name the group (e.g. WLD)");
        }
        view.RequireEconomy(group.Group, "group");
        return string.IsNullOrWhiteSpace(requested) ? indicator : view.RequireIndicator(requested, "total_indicator");
    }
}
