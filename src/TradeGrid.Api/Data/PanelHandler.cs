using Grpc.Core;
using Microsoft.Extensions.Options;
using TradeGrid.Api.Catalog;
using TradeGrid.Api.Hosting;
using TradeGrid.Api.V1;
using TradeGrid.Data.Model;
using TradeGrid.Domain;
using TradeGrid.Grains.Abstractions.Data;
using TradeGrid.Grains.Data;

namespace TradeGrid.Api.Data;

/// <summary>The GetPanel RPC: validates, reads through <see cref="PanelCoordinator"/>, streams batches back in economy order.</summary>
public sealed class PanelHandler(PanelCoordinator coordinator, CatalogCache catalog, IOptions<RequestLimits> limits)
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

        long years = (to == 0 ? Years.Max : to) - (from == 0 ? Years.Min : from) + 1L;
        long cells = selection.Economies.Length * years * indicators.Length;
        long maxCells = limits.Value.MaxPanelCells;
        if (cells > maxCells)
        {
            throw new ResourceLimitException($"economies × years × indicators: {selection.Economies.Length} × {years}{(from == 0 || to == 0 ? $" (an open range counts from {Years.Min} or to {Years.Max})" : string.Empty)} "
                + $"× {indicators.Length} = {cells} cells, over the server's limit of {maxCells} (TradeGrid:Limits:MaxPanelCells); narrow from/to, the economies or the indicators, or raise the limit");
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
