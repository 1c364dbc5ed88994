using TradeGrid.Api.Catalog;
using TradeGrid.Api.V1;
using TradeGrid.Api.Writes;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Describe;
using TradeGrid.Grains.Describe;

namespace TradeGrid.Api.Describe;

/// <summary>The Fill RPC: validates the method and its proxy, then every economy grain fills its own series (all or nothing).</summary>
public sealed class FillHandler(DescribeCoordinator coordinator, CatalogCache catalog)
{
    public async Task<FillResponse> FillAsync(FillRequest request, CancellationToken cancellationToken)
    {
        (int from, int to) = RequestValidation.YearRange(request.From, request.To);
        CatalogView view = await catalog.GetAsync(cancellationToken, fresh: true);
        string indicator = view.RequireIndicator(request.Indicator, "indicator");
        FillKind kind = request.Method switch
        {
            FillMethod.ProxyChain => FillKind.ProxyChain,
            FillMethod.ProxySpread => FillKind.ProxySpread,
            FillMethod.Linear => FillKind.Linear,
            FillMethod.LogLinear => FillKind.LogLinear,
            _ => throw new InvalidSpecException("method: choose FILL_METHOD_PROXY_CHAIN, FILL_METHOD_PROXY_SPREAD, FILL_METHOD_LINEAR or FILL_METHOD_LOG_LINEAR"),
        };
        bool proxyMethod = kind is FillKind.ProxyChain or FillKind.ProxySpread;
        FillEnds ends = request.Ends switch
        {
            EndFill.Proxy => FillEnds.Proxy,
            EndFill.LastCagr => FillEnds.LastCagr,
            _ => FillEnds.None,
        };
        if (proxyMethod && ends != FillEnds.None)
        {
            throw new InvalidSpecException("ends: a proxy method always fills the ends by the proxy; leave ends unset");
        }
        bool needsProxy = proxyMethod || ends == FillEnds.Proxy;
        if (needsProxy && string.IsNullOrWhiteSpace(request.Proxy))
        {
            throw new InvalidSpecException("proxy: this method needs a proxy indicator of the same economy, e.g. exports");
        }
        string proxy = needsProxy ? view.RequireIndicator(request.Proxy, "proxy") : string.Empty;
        if (proxy == indicator)
        {
            throw new InvalidSpecException($"proxy: '{proxy}' is the series being filled; choose another indicator");
        }
        DescribeScope scope = DescribeValidation.Scope(view, request.Economies, request.Group, from, to);

        var spec = new FillSpec(indicator, proxy, kind, ends, from, to);
        var filled = await coordinator.FillAsync(scope.Economies, spec, request.DryRun, cancellationToken);
        var response = new FillResponse { Indicator = indicator, DryRun = request.DryRun, FilledCount = filled.Sum(f => f.Fill.FilledCount) };
        response.Economies.AddRange(filled.Select(f => f.Fill.ToProto(f.Economy)));
        response.Write = WriteOutcomeMapping.Current();
        response.WithoutData.AddRange(scope.Economies.Except(filled.Select(f => f.Economy), StringComparer.Ordinal));
        return response;
    }
}
