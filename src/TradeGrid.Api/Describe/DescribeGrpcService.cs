using Grpc.Core;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Describe;
using TradeGrid.Grains.Describe;
using TradeGrid.Numerics.Describe;

namespace TradeGrid.Api.Describe;

/// <summary>
/// tradegrid.v1.DescribeService: validates against a fresh catalogue (an unknown code is NotFound, not an empty answer),
/// hands the work to the <see cref="DescribeCoordinator"/>, which fans out to the economy grains, and maps the answers.
/// </summary>
public sealed class DescribeGrpcService(DescribeCoordinator coordinator, CatalogCache catalog, ShareHandler shareHandler, FillHandler fillHandler)
    : DescribeService.DescribeServiceBase
{
    /// <summary>GDP for the coverage of an aggregate when the request names none: PWT's output-side real GDP at current PPPs.</summary>
    public const string DefaultGdpIndicator = "cgdpo";

    private const int MaxRateDecimals = 6;

    public override async Task<GrowthResponse> Growth(GrowthRequest request, ServerCallContext context)
    {
        CancellationToken ct = context.CancellationToken;
        (int from, int to) = DescribeValidation.OrderedIfBoth(request.From, request.To);
        CatalogView view = await catalog.GetAsync(ct, fresh: true);
        string indicator = view.RequireIndicator(request.Indicator, "indicator");
        // The JSON route's path economy is checked under its own field name, then joins the list.
        IEnumerable<string> named = string.IsNullOrWhiteSpace(request.Economy)
            ? request.Economies
            : request.Economies.Prepend(view.RequireEconomy(request.Economy, "economy"));
        DescribeScope scope = DescribeValidation.Scope(view, named, request.Group, from, to);

        // Named economies are strict (a missing or non-positive endpoint is an error); a group's members get a note instead.
        var parts = await coordinator.GrowthAsync(scope.Economies, indicator, from, to, strict: !scope.IsGroup, ct);
        var response = new GrowthResponse { Indicator = indicator, Unit = view.Indicators[indicator].Unit };
        response.Economies.AddRange(parts.Select(p => p.Growth.ToProto(p.Economy)));
        response.WithoutData.AddRange(scope.Economies.Except(parts.Select(p => p.Economy), StringComparer.Ordinal));
        return response;
    }

    public override Task<ShareResponse> Share(ShareRequest request, ServerCallContext context) =>
        shareHandler.ShareAsync(request, context.CancellationToken);

    public override Task<ContributionsResponse> Contributions(ContributionsRequest request, ServerCallContext context) =>
        shareHandler.ContributionsAsync(request, context.CancellationToken);

    public override async Task<RatioResponse> Ratio(RatioRequest request, ServerCallContext context)
    {
        CancellationToken ct = context.CancellationToken;
        (int from, int to) = RequestValidation.YearRange(request.From, request.To);
        CatalogView view = await catalog.GetAsync(ct, fresh: true);
        string numerator = view.RequireIndicator(request.Numerator, "numerator");
        string denominator = view.RequireIndicator(request.Denominator, "denominator");
        DescribeScope scope = DescribeValidation.Scope(view, request.Economies, request.Group, from, to);

        var spec = new PairSpec(request.Percent ? PairKind.RatioPercent : PairKind.Ratio, numerator, denominator, from, to);
        var parts = await coordinator.PairAsync(scope.Economies, spec, ct);
        var response = new RatioResponse { Numerator = numerator, Denominator = denominator, Percent = request.Percent };
        response.Economies.AddRange(parts.Select(p => p.Pair.ToProto(p.Economy)));
        return response;
    }

    public override async Task<BalanceResponse> Balance(BalanceRequest request, ServerCallContext context)
    {
        CancellationToken ct = context.CancellationToken;
        (int from, int to) = RequestValidation.YearRange(request.From, request.To);
        CatalogView view = await catalog.GetAsync(ct, fresh: true);
        string exports = view.RequireIndicator(request.Exports, "exports");
        string imports = view.RequireIndicator(request.Imports, "imports");
        DescribeScope scope = DescribeValidation.Scope(view, request.Economies, request.Group, from, to);

        var parts = await coordinator.PairAsync(scope.Economies, new PairSpec(PairKind.Balance, exports, imports, from, to), ct);
        var response = new BalanceResponse { Exports = exports, Imports = imports };
        response.Economies.AddRange(parts.Select(p => p.Pair.ToProto(p.Economy)));
        return response;
    }

    public override async Task<AggregateResponse> Aggregate(AggregateRequest request, ServerCallContext context)
    {
        CancellationToken ct = context.CancellationToken;
        (int from, int to) = RequestValidation.YearRange(request.From, request.To);
        CatalogView view = await catalog.GetAsync(ct, fresh: true);
        string indicator = view.RequireIndicator(request.Indicator, "indicator");
        string weight = view.OptionalIndicator(request.WeightIndicator, "weight_indicator");
        string gdp = string.IsNullOrWhiteSpace(request.GdpIndicator)
            ? (view.Indicators.ContainsKey(DefaultGdpIndicator) ? DefaultGdpIndicator : string.Empty)
            : view.RequireIndicator(request.GdpIndicator, "gdp_indicator");
        DescribeScope scope = DescribeValidation.Scope(view, request.Economies, request.Group, from, to);

        int[] years = await coordinator.YearsAsync(scope.Label, scope.Members, indicator, from, to, ct);
        GroupAggregate aggregate = await coordinator.AggregateAsync(scope.Label, scope.Members, indicator, years, weight, gdp, ct);
        var response = new AggregateResponse { Indicator = indicator, Group = scope.Label, GdpIndicator = gdp, WeightIndicator = weight };
        response.Years.AddRange(aggregate.ToProto());
        return response;
    }

    public override async Task<CheckPublishedGrowthResponse> CheckPublishedGrowth(CheckPublishedGrowthRequest request, ServerCallContext context)
    {
        CancellationToken ct = context.CancellationToken;
        CatalogView view = await catalog.GetAsync(ct, fresh: true);
        string economy = view.RequireEconomy(request.Economy, "economy");
        if (request.Columns.Count == 0)
        {
            throw new InvalidSpecException("columns: give at least one column (levels_indicator, e.g. PUB_GOODS_EXPORTS)");
        }
        int rateDecimals = request.HasRateDecimals ? request.RateDecimals : 1;
        if (rateDecimals is < 0 or > MaxRateDecimals)
        {
            throw new InvalidSpecException($"rate_decimals: {rateDecimals} is outside 0–{MaxRateDecimals}; give the decimals printed for the rates");
        }
        int? levelDecimals = request.HasLevelDecimals ? request.LevelDecimals : null;
        if (levelDecimals is < 0)
        {
            throw new InvalidSpecException($"level_decimals: {levelDecimals} is negative; give the decimals printed for the levels, or leave it unset for exact levels");
        }
        PublishedColumnSpec[] columns = request.Columns.Select((c, i) =>
        {
            string levels = view.RequireIndicator(c.LevelsIndicator, $"columns[{i}].levels_indicator");
            string stated = view.RequireIndicator(string.IsNullOrWhiteSpace(c.StatedIndicator) ? levels + "_GROWTH_PCT" : c.StatedIndicator, $"columns[{i}].stated_indicator");
            if (c.FromYear != 0)
            {
                RequestValidation.YearRange(c.FromYear, 0, $"columns[{i}].from_year");
            }
            string label = string.IsNullOrWhiteSpace(c.Label) ? levels : c.Label.Trim();
            return new PublishedColumnSpec(levels, stated, label, c.FromYear, c.Form == StatedForm.Total);
        }).ToArray();

        GrowthCheck[] checks = await coordinator.CheckPublishedGrowthAsync(economy, columns, rateDecimals, levelDecimals, ct);
        var response = new CheckPublishedGrowthResponse { Economy = economy, FlaggedCount = checks.Count(c => c.Flagged) };
        response.Rows.AddRange(checks.Where(c => c.Flagged || !request.FlaggedOnly).Select(c => c.ToProto()));
        return response;
    }

    public override Task<FillResponse> Fill(FillRequest request, ServerCallContext context) =>
        fillHandler.FillAsync(request, context.CancellationToken);
}
