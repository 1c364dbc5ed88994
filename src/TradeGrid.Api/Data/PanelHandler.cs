using Grpc.Core;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.V1;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Data;

namespace TradeGrid.Api.Data;

/// <summary>The GetPanel RPC: validates, reads through <see cref="PanelCoordinator"/>, streams batches back in economy order.</summary>
public sealed class PanelHandler(PanelCoordinator coordinator, CatalogCache catalog)
{
    public const int SeriesPerMessage = 64;
    public const int MaxIndicators = 200;

    public async Task StreamAsync(GetPanelRequest request, IServerStreamWriter<GetPanelResponse> stream, CancellationToken cancellationToken)
    {
        (int from, int to) = RequestValidation.YearRange(request.From, request.To);
        if (request.Indicators.Count == 0 || request.Indicators.Count > MaxIndicators)
        {
            throw new InvalidSpecException($"indicators: give between 1 and {MaxIndicators} indicator codes");
        }
        string[] indicators = request.Indicators.Select((code, i) => RequestValidation.Indicator(code, $"indicators[{i}]")).Distinct(StringComparer.Ordinal).ToArray();
        string partner = RequestValidation.OptionalEconomy(request.Partner, "partner");
        CatalogView view = await catalog.GetAsync(cancellationToken, fresh: true);
        foreach ((string code, int i) in indicators.Select((c, i) => (c, i)))
        {
            view.RequireIndicator(code, $"indicators[{i}]");
        }
        // A selection: the group's members in any year, over the years asked (CatalogResolver's membership-year rule).
        EconomySelection selection = view.Select(request.Economies, "economies", request.Group);
        if (selection.IsEmpty)
        {
            throw new InvalidSpecException("economies: name at least one economy, or a group (e.g. RCEP, or WLD for every economy)");
        }

        string[] order = selection.Economies;
        SeriesRecord[][] parts = await coordinator.ReadAsync(order, indicators, partner, from, to, cancellationToken);
        var message = new GetPanelResponse();
        for (int e = 0; e < order.Length; e++)
        {
            foreach (SeriesRecord series in parts[e])
            {
                string unit = view.Indicators[series.Indicator].Unit;
                message.Series.Add(series.ToProto(order[e], series.Version, unit));
                if (message.Series.Count == SeriesPerMessage)
                {
                    await stream.WriteAsync(message, cancellationToken);
                    message = new GetPanelResponse();
                }
            }
        }
        if (message.Series.Count > 0)
        {
            await stream.WriteAsync(message, cancellationToken);
        }
    }
}
