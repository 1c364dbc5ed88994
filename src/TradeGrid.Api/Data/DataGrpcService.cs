using Grpc.Core;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.V1;
using TradeGrid.Grains.Abstractions;
using TradeGrid.Grains.Abstractions.Catalog;
using TradeGrid.Grains.Abstractions.Data;

namespace TradeGrid.Api.Data;

/// <summary>tradegrid.v1.DataService: validates, makes the grain calls, maps the answers.</summary>
public sealed class DataGrpcService(IGrainFactory grains, CatalogCache catalog, ImportHandler importHandler, PanelHandler panelHandler)
    : DataService.DataServiceBase
{
    public override async Task<ListEconomiesResponse> ListEconomies(ListEconomiesRequest request, ServerCallContext context)
    {
        (int year, _) = RequestValidation.YearRange(request.Year, 0, "year");
        CatalogView view = await catalog.GetAsync(context.CancellationToken);
        IEnumerable<EconomyRecord> economies = view.Snapshot.Economies;
        if (!string.IsNullOrWhiteSpace(request.Group))
        {
            HashSet<string> members = view.MembersIn(request.Group, year);
            economies = economies.Where(e => members.Contains(e.Code));
        }
        if (!string.IsNullOrWhiteSpace(request.Region))
        {
            economies = economies.Where(e => e.Region.Equals(request.Region.Trim(), StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(request.IncomeGroup))
        {
            economies = economies.Where(e => e.IncomeGroup.Equals(request.IncomeGroup.Trim(), StringComparison.OrdinalIgnoreCase));
        }
        if (request.CountriesOnly)
        {
            economies = economies.Where(e => !e.IsAggregate);
        }
        var response = new ListEconomiesResponse();
        response.Economies.AddRange(economies.Select(e => e.ToProto()));
        return response;
    }

    public override async Task<GetEconomyResponse> GetEconomy(GetEconomyRequest request, ServerCallContext context)
    {
        string code = RequestValidation.Economy(request.Economy, "economy");
        EconomyOverview overview = await grains.Economy(code).GetOverview(context.CancellationToken);
        CatalogView view = await catalog.GetAsync(context.CancellationToken);
        var response = new GetEconomyResponse { Economy = overview.Economy.ToProto(), DataVersion = overview.Version };
        response.Groups.AddRange(view.GroupsOf(code));
        response.Series.AddRange(overview.Series.Select(s => s.ToProto()));
        return response;
    }

    public override async Task<ListIndicatorsResponse> ListIndicators(ListIndicatorsRequest request, ServerCallContext context)
    {
        CatalogView view = await catalog.GetAsync(context.CancellationToken);
        string contains = request.Contains?.Trim() ?? string.Empty;
        var response = new ListIndicatorsResponse();
        response.Indicators.AddRange(view.Snapshot.Indicators
            .Where(i => contains.Length == 0 || i.Code.Contains(contains, StringComparison.OrdinalIgnoreCase) || i.Name.Contains(contains, StringComparison.OrdinalIgnoreCase))
            .Select(i => i.ToProto()));
        return response;
    }

    public override async Task<ListGroupsResponse> ListGroups(ListGroupsRequest request, ServerCallContext context)
    {
        CatalogView view = await catalog.GetAsync(context.CancellationToken);
        var response = new ListGroupsResponse();
        foreach ((string code, IReadOnlyList<GroupMemberRecord> members) in view.Groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var group = new Group { Code = code, Name = view.Economies.TryGetValue(code, out EconomyRecord? e) ? e.Name : code };
            group.Members.AddRange(members.Select(m => new GroupMember { Economy = m.Member, FromYear = m.FromYear, ToYear = m.ToYear }));
            response.Groups.Add(group);
        }
        return response;
    }

    public override async Task<GetSeriesResponse> GetSeries(GetSeriesRequest request, ServerCallContext context)
    {
        string economy = RequestValidation.Economy(request.Economy, "economy");
        string indicator = RequestValidation.Indicator(request.Indicator, "indicator");
        string partner = RequestValidation.OptionalEconomy(request.Partner, "partner");
        (int from, int to) = RequestValidation.YearRange(request.From, request.To);
        CancellationToken ct = context.CancellationToken;

        SeriesRecord? series = await grains.Economy(economy).GetSeries(indicator, partner, from, to, ct);
        if (series is null)
        {
            // Only a miss pays for a fresh catalogue: an unknown code is NotFound, a known one with no data is an empty series.
            CatalogView fresh = await catalog.GetAsync(ct, fresh: true);
            fresh.RequireIndicator(indicator, "indicator");
            fresh.OptionalEconomy(partner, "partner");
            series = SeriesRecord.Empty(indicator, partner);
        }
        CatalogView view = await catalog.GetAsync(ct);
        string unit = view.Indicators.TryGetValue(indicator, out IndicatorRecord? info) ? info.Unit : string.Empty;
        return new GetSeriesResponse { Series = series.ToProto(economy, series.Version, unit) };
    }

    public override Task GetPanel(GetPanelRequest request, IServerStreamWriter<GetPanelResponse> responseStream, ServerCallContext context) =>
        panelHandler.StreamAsync(request, responseStream, context.CancellationToken);

    public override Task<ImportResponse> Import(IAsyncStreamReader<ImportRequest> requestStream, ServerCallContext context) =>
        importHandler.ImportAsync(requestStream, context.CancellationToken);
}
