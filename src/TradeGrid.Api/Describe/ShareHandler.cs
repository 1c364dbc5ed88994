using TradeGrid.Api.Catalog;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Describe;
using TradeGrid.Numerics.Describe;

namespace TradeGrid.Api.Describe;

/// <summary>
/// The Share and Contributions RPCs: validates, asks <see cref="DescribeCoordinator"/> (which gathers and combines), maps.
/// The group total is either the members' sum or the group's own published series (read from the aggregate economy).
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

        ShareOutcome outcome = await coordinator.ShareAsync(economies.Label, economies.Members, group.Group, group.Members, indicator, from, to,
            source == TotalSource.Published ? totalIndicator : null, cancellationToken);

        var response = new ShareResponse { Indicator = indicator, Group = group.Group, Total = source };
        GroupPartial combined = outcome.Combined;
        for (int t = 0; t < outcome.Years.Length; t++)
        {
            var row = new ShareYear
            {
                Year = outcome.Years[t],
                Value = combined.Present[t] > 0 ? combined.Sum[t] : 0.0,
                EconomiesPresent = combined.Present[t],
                Total = outcome.Totals[t],
                MembersPresent = outcome.Members?.Present[t] ?? 0,
                Members = outcome.Members?.Members[t] ?? 0,
            };
            if (!double.IsNaN(outcome.SharePercent[t]))
            {
                row.SharePercent = outcome.SharePercent[t];
            }
            response.Years.Add(row);
        }
        for (int e = 0; e < outcome.EconomySharePercent.Length; e++)
        {
            double[] percent = outcome.EconomySharePercent[e];
            var economy = new EconomyShare { Economy = economies.Economies[e] };
            for (int t = 0; t < outcome.Years.Length; t++)
            {
                if (!double.IsNaN(percent[t]))
                {
                    economy.Years.Add(outcome.Years[t]);
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
